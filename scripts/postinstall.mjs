// Generates the Prisma clients for both engines after every install (docs/decisions/002).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

// The CLI wants a native schema engine it cannot download here; generate never runs it.
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  if (!existsSync(schema)) continue;
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit", env });
}
