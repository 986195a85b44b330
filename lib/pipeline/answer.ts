import type { VerbContract } from "../contracts/verb";
import type { Page } from "../paging";
import { encodeCursor } from "./cursor";

/** The answer: the result parsed by the verb's output schema, in the verb's envelope. */
export function answerOf(contract: VerbContract, result: unknown): unknown {
  if (contract.answer === "list") {
    // A list verb's handler answers a Page (lib/controllers/implement.ts types it so).
    const page = result as Page<unknown>;
    return {
      data: contract.output.parse(page.items),
      next: page.next && encodeCursor(page.next),
      prev: page.prev && encodeCursor(page.prev),
      paged: true,
      ...(page.total === undefined ? {} : { total_count: page.total }),
    };
  }
  const output = contract.output.parse(result);
  return contract.answer === "bare" ? output : { data: output };
}
