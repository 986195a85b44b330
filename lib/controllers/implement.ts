import type { z } from "zod";
import type { Page } from "../paging";
import type { CallContext } from "../services/context";
import type { VerbContract } from "../contracts/verb";

// Inputs are typed from the contract. Results are checked at run time instead: the dispatcher
// parses every answer with the verb's output schema (the columns behind enums are plain text).
type Result<C extends VerbContract> = C["answer"] extends "list" ? Page<unknown> : unknown;

export interface VerbHandler<C extends VerbContract = VerbContract> {
  contract: C;
  handle: (input: z.infer<C["input"]>, ctx: CallContext) => Promise<Result<C>>;
}

/** Binds a verb's contract to the service call that answers it. */
export function implement<C extends VerbContract>(contract: C, handle: VerbHandler<C>["handle"]): VerbHandler {
  return { contract, handle } as unknown as VerbHandler;
}
