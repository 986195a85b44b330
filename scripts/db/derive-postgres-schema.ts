// Derives prisma/postgres/schema.prisma from the one source schema (docs/decisions/002).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { derivePostgresSchema } from "../../lib/db/derive-schema";

const source = readFileSync("prisma/schema.prisma", "utf8");
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", derivePostgresSchema(source));
console.log("wrote prisma/postgres/schema.prisma");
