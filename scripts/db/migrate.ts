// npm run db:migrate — apply pending migrations to DATABASE_URL (production, PostgreSQL or SQLite).
import { migrate } from "../../lib/db/migrate";
import { env } from "../../lib/env";

const { databaseUrl, engine } = env();
const applied = await migrate(databaseUrl);
console.log(applied.length ? `Applied to ${engine}: ${applied.join(", ")}` : `${engine} database is up to date`);
