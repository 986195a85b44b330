import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads its native schema engine before every command, and nothing may be
// downloaded here. `generate`, `validate` and `format` never run that engine, so pointing the
// variable at any existing file is enough (see docs/decisions/002-two-database-engines.md).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
});
