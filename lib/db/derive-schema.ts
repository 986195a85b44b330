/** The PostgreSQL variant of the source schema: same models, another provider and client folder. */
export function derivePostgresSchema(source: string): string {
  const header = "// GENERATED from prisma/schema.prisma by `npm run db:derive`: do not edit.\n";
  const body = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"');
  if (body === source) throw new Error("schema.prisma no longer has the expected provider/output lines");
  return header + body;
}
