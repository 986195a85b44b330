import { z } from "zod";
import { idField } from "./common";
import { filterShape, type FilterSpec } from "./filters";

// A verb is data: its contract (input, output, who may call it, how it answers, and any policy of
// its own) is declared once here and drives the pipeline (lib/pipeline/invoke.ts), the OpenAPI
// document, the browser client and the tests.

/** Account roles, most powerful first. A verb names the least of them it needs. */
export const ACCOUNT_ROLES = ["owner", "admin", "user", "viewer"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Who may call: the least account role, and/or the device, product or anyone. */
export type Grant = AccountRole | "device" | "product" | "public";

/** `data`: {"data": …}; `list`: the paged envelope; `bare`: the result itself (device callers). */
export type Answer = "data" | "list" | "bare";

export type SortOrder = "ASC" | "DESC";

/** Limits a verb may apply to a key of its input; each is configured by name (lib/pipeline/limits.ts). */
export type InputRate = "register";

/** At most the named rate of calls per minute for each key `per` derives from the parsed input. */
export interface InputLimit<Input> {
  rate: InputRate;
  // A method, so a contract of a specific input is still a VerbContract.
  per(input: Input): string;
}

export interface VerbContract<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodType = z.ZodType> {
  controller: string;
  verb: string;
  summary: string;
  allow: readonly Grant[];
  input: Input;
  output: Output;
  answer: Answer;
  /** Device callers send their whole configuration: unknown fields are dropped, not refused. */
  ignoreUnknown: boolean;
  /** List verbs: the fields the body may filter on, and the name-like fields `filter=` searches. */
  filters?: FilterSpec;
  textFields?: readonly string[];
  /** List verbs: the columns `sort=` may order by (keyset-paged on the column and the id). */
  sortable?: SortSpec;
  /** List verbs: the order when the caller names none. */
  defaultOrder?: SortOrder;
  /** A body field that carries the caller's secret when the transport brings none. */
  credentialField?: string;
  /** A limit on a key of the input, beside the per-address and per-token limits of every verb. */
  limit?: InputLimit<z.infer<Input>>;
  /** The largest body read, in bytes. */
  bodyLimit: number;
  /** Options a verb takes from the query string besides a list's page (generic/create's `exists`). */
  query?: z.ZodObject;
}

/** Bodies are read up to 1 MiB unless a verb declares more (metric batches). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A sortable column: a text or a date, `date?` when it may be empty (empties sort first). */
export type SortKind = "string" | "date" | "date?";
export type SortSpec = Readonly<Record<string, SortKind>>;
/** Every list sorts by its creation time unless asked otherwise. */
export const DEFAULT_SORT = { field: "created", kind: "date" } as const;

export const roleRank = (role: AccountRole): number => ACCOUNT_ROLES.length - ACCOUNT_ROLES.indexOf(role);

/** Whether an account role satisfies a verb's grants. */
export function roleAllows(role: AccountRole, allow: readonly Grant[]): boolean {
  return allow.some((grant) => isAccountRole(grant) && roleRank(role) >= roleRank(grant));
}

export const isAccountRole = (value: string): value is AccountRole =>
  (ACCOUNT_ROLES as readonly string[]).includes(value);

/** Verbs acting inside an account accept `accountId`; only the owner may name another account. */
export const isAccountScoped = (allow: readonly Grant[]): boolean => allow.some(isAccountRole);

const accountIdField = { accountId: idField.optional() };

interface VerbDefinition<Shape extends z.ZodRawShape, Output extends z.ZodType> {
  controller: string;
  verb: string;
  summary: string;
  allow: readonly Grant[];
  input: Shape;
  output: Output;
  answer?: "data" | "bare";
  ignoreUnknown?: boolean;
  credentialField?: keyof Shape & string;
  limit?: InputLimit<z.infer<z.ZodObject<Shape>>>;
  bodyLimit?: number;
  query?: z.ZodObject;
}

function objectOf<Shape extends z.ZodRawShape>(shape: Shape, ignoreUnknown: boolean) {
  return ignoreUnknown ? z.object(shape) : z.strictObject(shape);
}

export function defineVerb<const Shape extends z.ZodRawShape, Output extends z.ZodType>(
  def: VerbDefinition<Shape, Output>,
) {
  const ignoreUnknown = def.ignoreUnknown ?? false;
  const shape = isAccountScoped(def.allow) ? { ...def.input, ...accountIdField } : def.input;
  return {
    ...def,
    answer: def.answer ?? "data",
    ignoreUnknown,
    bodyLimit: def.bodyLimit ?? DEFAULT_BODY_LIMIT,
    input: objectOf(shape as Shape & typeof accountIdField, ignoreUnknown),
  } satisfies VerbContract;
}

interface ListDefinition<Shape extends z.ZodRawShape, Item extends z.ZodType, Filters extends FilterSpec> {
  controller: string;
  verb: string;
  summary: string;
  allow: readonly Grant[];
  input?: Shape;
  item: Item;
  filters: Filters;
  textFields: readonly string[];
  sortable?: SortSpec;
  defaultOrder?: SortOrder;
}

/** A `find` verb: exact-match and `__eq/__neq/__lte/__gte/__in/__nin` filters on listed fields. */
export function defineList<const Shape extends z.ZodRawShape, Item extends z.ZodType, const Filters extends FilterSpec>(
  def: ListDefinition<Shape, Item, Filters>,
) {
  const shape = { ...filterShape(def.filters), ...(def.input ?? ({} as Shape)), ...accountIdField };
  return {
    controller: def.controller,
    verb: def.verb,
    summary: def.summary,
    allow: def.allow,
    answer: "list" as const,
    ignoreUnknown: false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    input: z.strictObject(shape),
    output: z.array(def.item),
    filters: def.filters,
    textFields: def.textFields,
    sortable: { [DEFAULT_SORT.field]: DEFAULT_SORT.kind, ...def.sortable } as SortSpec,
    defaultOrder: def.defaultOrder ?? "ASC",
  } satisfies VerbContract;
}

export type InputOf<C extends VerbContract> = z.infer<C["input"]>;
export const verbPath = (c: Pick<VerbContract, "controller" | "verb">) => `${c.controller}/${c.verb}`;
