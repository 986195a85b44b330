import type { z } from "zod";
import type { VerbContract } from "../contracts/verb";
import type { Page } from "../paging";
import type { CallContext } from "../services/context";

// A handler takes what its contract parsed and answers the shape of the contract's output (a list
// verb: a page of its items), so a missing field or a wrong type fails to compile. Enum values are
// the exception: their columns are plain text, so the type admits any string and the pipeline's
// parse of every result with the output schema checks them (and drops fields it does not name).

/** The shape of T with its string enums widened to the text their columns hold. */
type Stored<T> = T extends string
  ? string
  : T extends readonly (infer Element)[]
    ? Stored<Element>[]
    : T extends object
      ? { [K in keyof T]: Stored<T[K]> }
      : T;

type ItemOf<C extends VerbContract> = C["output"] extends z.ZodArray<infer Item> ? z.input<Item> : never;

/** What a verb's handler resolves to. */
export type ResultOf<C extends VerbContract> = C["answer"] extends "list"
  ? Page<Stored<ItemOf<C>>>
  : Stored<z.input<C["output"]>>;

export interface VerbHandler<C extends VerbContract = VerbContract> {
  readonly contract: C;
  // A method, not a function property: the registry holds the handlers of every contract as one
  // VerbHandler type, which the method's bivariant parameter allows.
  handle(input: z.output<C["input"]>, ctx: CallContext): Promise<ResultOf<C>>;
}

/** Binds a verb's contract to the service call that answers it. */
export function implement<C extends VerbContract>(contract: C, handle: VerbHandler<C>["handle"]): VerbHandler<C> {
  return { contract, handle };
}
