import type { Queryable } from "./client";
import { sqlDialect } from "./raw-reader";
import { sqlName, type RecordDefinition } from "./records";
import { toSql, type Value, type Where } from "./where";

/**
 * Updates a record's rows without moving their `updated` time. Prisma sets an `@updatedAt` column
 * on every update it issues, and its update data takes values only (no column reference could keep
 * the old time; reading it first and writing it back would race with a concurrent edit). Writes
 * that record something other than an edit of the row (a device's last contact, its connection)
 * come here, as one plain statement, so that `updated` keeps meaning the last edit, which the
 * last-writer-wins rule of decision 014 compares. Answers how many rows it changed.
 */
export function updateUnstamped<D extends RecordDefinition>(
  q: Queryable,
  record: D,
  set: { [F in keyof D["columns"]]?: Value },
  where: Where,
): Promise<number> {
  const dialect = sqlDialect();
  const params: unknown[] = [];
  const assignments = Object.entries(set).map(([field, value]) => {
    params.push(dialect.bind(value as Value));
    return `${sqlName(field)} = ${dialect.placeholder(params.length)}`;
  });
  const condition = toSql(where, sqlName, dialect, params);
  return q.$executeRawUnsafe(
    `UPDATE ${sqlName(record.table)} SET ${assignments.join(", ")} WHERE ${condition}`,
    ...params,
  );
}
