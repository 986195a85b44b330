// npm start [-- --demo]: build if needed, migrate, start the portal and API, print the URL.
import { env } from "../lib/env";
import { migrate } from "../lib/db/migrate";
import { buildIfNeeded } from "../lib/server/build";
import { serve } from "../lib/server/serve";
import { startWorker } from "../lib/worker";
import { seedDemo } from "./demo/seed";

const config = env();
// Secrets generated into DATA_DIR are handed to every module that reads the environment later.
process.env.AUTH_SECRET ??= config.authSecret;
process.env.ENCRYPTION_KEY ??= config.encryptionKey.toString("hex");
process.env.DATABASE_URL ??= config.databaseUrl;
process.env.NEXTAUTH_URL ??= config.appOrigin;

const say = (line: string) => console.log(`[fleetport] ${line}`);
buildIfNeeded(process.cwd(), say);
const applied = await migrate(config.databaseUrl);
say(applied.length ? `Applied migrations: ${applied.join(", ")}` : `Database is up to date (${config.engine})`);
if (process.argv.includes("--demo")) await seedDemo(say);
await serve({ port: config.port, dir: process.cwd(), trustProxy: config.trustProxy });
// The worker role runs beside the web role on one machine: metric retention, the MQTT broker and its outbox.
await startWorker();
say(`Fleetport is running at ${config.appOrigin} (API reference: ${config.appOrigin}/swagger)`);
