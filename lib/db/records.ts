// A record is declared once: its table, its columns with their kinds, and the related rows it
// carries. From that one declaration come the Prisma `select`, the raw reader's SELECT, the
// mapping of raw values (SQLite's text dates and 0/1 booleans) and the TypeScript type. The
// Prisma path returns the same type, which the compiler checks where a data-access function
// returns Prisma's answer as the record (docs/decisions/006).

export type Kind = "string" | "string?" | "boolean" | "int?" | "date" | "date?";
type Columns = Readonly<Record<string, Kind>>;

type ValueOf<K extends Kind> = K extends "string"
  ? string
  : K extends "string?"
    ? string | null
    : K extends "boolean"
      ? boolean
      : K extends "int?"
        ? number | null
        : K extends "date"
          ? Date
          : Date | null;

type RowOf<C extends Columns> = { -readonly [F in keyof C]: ValueOf<C[F]> };

/** A row of another table, joined on a column of this one (`optional`: the column may be null). */
interface Relation {
  table: string;
  on: string;
  optional: boolean;
  columns: Columns;
}
type Relations = Readonly<Record<string, Relation>>;

export type RecordOf<D extends RecordDefinition> = RowOf<D["columns"]> & {
  -readonly [R in keyof D["relations"]]: D["relations"][R]["optional"] extends true
    ? RowOf<D["relations"][R]["columns"]> | null
    : RowOf<D["relations"][R]["columns"]>;
};

export interface RecordDefinition<C extends Columns = Columns, R extends Relations = Relations> {
  table: string;
  columns: C;
  relations: R;
}

/** What `defineRecord` adds to a definition. */
export interface RecordReads<D extends RecordDefinition> {
  sql: string;
  fromRow: (row: readonly unknown[]) => RecordOf<D>;
}

type SelectOf<C extends Columns> = { [F in keyof C]: true };
type PrismaSelect<D extends RecordDefinition> = SelectOf<D["columns"]> & {
  [R in keyof D["relations"]]: { select: SelectOf<D["relations"][R]["columns"]> };
};

/** A record with what both paths read it by, worked out once: Prisma's select, the SQL, the row mapping. */
export function defineRecord<const C extends Columns, const R extends Relations>(definition: RecordDefinition<C, R>) {
  return {
    ...definition,
    select: prismaSelect(definition),
    sql: selectSql(definition),
    fromRow: rowMapper(definition),
  };
}

const trueFor = (columns: Columns) => Object.fromEntries(Object.keys(columns).map((name) => [name, true]));

/** The Prisma `select` that reads exactly this record. */
function prismaSelect<D extends RecordDefinition>(record: D): PrismaSelect<D> {
  const relations = Object.entries(record.relations).map(([name, r]) => [name, { select: trueFor(r.columns) }]);
  return { ...trueFor(record.columns), ...Object.fromEntries(relations) } as PrismaSelect<D>;
}

/** The base table's alias in every raw query. */
export const BASE = "t";
const quote = (name: string) => `"${name}"`;
const relationAlias = (index: number) => `r${index}`;

/** `SELECT … FROM … JOIN …` reading this record, with the base table aliased as BASE. */
function selectSql(record: RecordDefinition): string {
  const columns = Object.keys(record.columns).map((name) => `${BASE}.${quote(name)}`);
  const joins: string[] = [];
  Object.values(record.relations).forEach((relation, index) => {
    const alias = relationAlias(index);
    for (const column of Object.keys(relation.columns)) columns.push(`${alias}.${quote(column)}`);
    joins.push(
      `${relation.optional ? "LEFT JOIN" : "JOIN"} ${quote(relation.table)} ${alias} ON ${alias}."id" = ${BASE}.${quote(relation.on)}`,
    );
  });
  return `SELECT ${columns.join(", ")} FROM ${quote(record.table)} ${BASE} ${joins.join(" ")}`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table's or column's name, quoted (names come from code and contracts, never from callers). */
export function sqlName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL name: ${name}`);
  return quote(name);
}

/** The base table's column for a field. */
export const columnOf = (field: string): string => `${BASE}.${sqlName(field)}`;

const digits = (text: string, start: number, end: number) => {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};
/** Prisma's form of a date in SQLite, `2026-11-30T13:21:08.639+00:00`. */
const PRISMA_SQLITE_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

/**
 * A date as either engine returns it. Prisma's SQLite text is read field by field: a page of
 * devices holds two hundred of them, and the general parser took three times as long.
 */
function dateOf(raw: unknown): Date {
  if (raw instanceof Date) return raw;
  const text = raw as string;
  if (!PRISMA_SQLITE_DATE.test(text)) return new Date(text);
  return new Date(
    Date.UTC(
      digits(text, 0, 4),
      digits(text, 5, 7) - 1,
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      digits(text, 20, 23),
    ),
  );
}

const CONVERT: Record<Kind, (raw: unknown) => unknown> = {
  string: (raw) => raw,
  "string?": (raw) => raw ?? null,
  boolean: (raw) => Boolean(raw),
  "int?": (raw) => (raw === null || raw === undefined ? null : Number(raw)),
  date: dateOf,
  "date?": (raw) => (raw === null || raw === undefined ? null : dateOf(raw)),
};

/** Where each field of a record sits in a raw row, and how its value is read. */
type Reader = Array<[name: string, index: number, convert: (raw: unknown) => unknown]>;

function read(reader: Reader, row: readonly unknown[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, index, convert] of reader) result[name] = convert(row[index]);
  return result;
}

/** Maps a raw row as the record's SQL reads it to the record; worked out once per record. */
function rowMapper<D extends RecordDefinition>(record: D): (row: readonly unknown[]) => RecordOf<D> {
  // The SELECT lists the base columns, then each relation's, in declaration order.
  let index = 0;
  const readerOf = (columns: Columns): Reader =>
    Object.entries(columns).map(([name, kind]) => [name, index++, CONVERT[kind]]);
  const base = readerOf(record.columns);
  const relations = Object.entries(record.relations).map(
    ([name, relation]) =>
      [
        name,
        relation.optional ? base.find(([field]) => field === relation.on) : undefined,
        readerOf(relation.columns),
      ] as const,
  );
  return (row) => {
    const result = read(base, row);
    for (const [name, key, reader] of relations) result[name] = key && row[key[1]] === null ? null : read(reader, row);
    return result as RecordOf<D>;
  };
}
