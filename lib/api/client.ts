import type { z } from "zod";
import { fieldErrorsOf } from "../contracts/field-errors";
import { verbPath, type InputOf, type VerbContract } from "../contracts/verb";

// The browser's typed client: one function for every verb, typed and checked by the same
// contracts the API serves (lib/contracts/verb.ts). Input the contract refuses is never sent:
// every form gets the API's own field messages at once, and only what the server alone knows (a
// taken email, a device claimed elsewhere) costs a request. It asks for the JSON error model.

/** An API error as the portal shows it: the message, and the request ID to quote. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly requestId: string | null,
    readonly fields: ReadonlyArray<{ name: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ApiClientError";
  }

  /** Input the verb's contract refuses, found before sending (so no request ID): the same fields the API would answer. */
  static invalidInput(fields: ReadonlyArray<{ name: string; message: string }>): ApiClientError {
    const message = fields.map((field) => `${field.name}: ${field.message}`).join("; ");
    return new ApiClientError(400, "validation_error", message, null, fields);
  }

  /** The login access token was refused: the session is over. */
  get sessionEnded(): boolean {
    return this.type === "invalid_token";
  }
}

export interface ListQuery {
  limit?: number;
  next?: string | null;
  prev?: string | null;
  order?: "ASC" | "DESC";
  sort?: string;
  filter?: string;
  /** Ask for `total_count`: how many items match, over every page. */
  total?: boolean;
}

export interface ListAnswer<T> {
  data: T[];
  next: string | null;
  prev: string | null;
  total_count?: number;
}

/** A `find` verb: answers a page of items. */
export type ListContract = VerbContract & { answer: "list"; output: z.ZodArray };
type ItemOf<C extends ListContract> = z.infer<C["output"]>[number];

/** A client for one login access token (empty for public verbs); `onSessionEnded` hears when the API refuses it. */
export function apiClient(token: string, onSessionEnded: () => void = () => {}) {
  async function post(contract: VerbContract, input: unknown, search = ""): Promise<unknown> {
    // The server parses the input again (and applies the contract's trimming then).
    const checked = contract.input.safeParse(input);
    if (!checked.success) throw ApiClientError.invalidInput(fieldErrorsOf(checked.error));
    let response: Response;
    try {
      response = await fetch(`/api/${verbPath(contract)}${search}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          ...(token ? { Authorization: token } : {}),
        },
        body: JSON.stringify(input),
      });
    } catch {
      throw NETWORK_ERROR();
    }
    try {
      return await answerOf(response);
    } catch (error) {
      if (error instanceof ApiClientError && error.sessionEnded) onSessionEnded();
      throw error;
    }
  }

  return {
    /** Calls a `data` verb and answers its result, checked by the verb's output schema. */
    async call<C extends VerbContract>(contract: C, input: InputOf<C>): Promise<z.infer<C["output"]>> {
      const body = (await post(contract, input)) as { data: unknown };
      return contract.output.parse(body.data) as z.infer<C["output"]>;
    },

    /** Calls a `find` verb for one page, with the API's cursors, order, sort and text filter. */
    async list<C extends ListContract>(
      contract: C,
      input: InputOf<C>,
      query: ListQuery = {},
    ): Promise<ListAnswer<ItemOf<C>>> {
      const body = (await post(contract, input, searchOf(query))) as ListAnswer<unknown>;
      return { ...body, data: contract.output.parse(body.data) as ItemOf<C>[] };
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

const NETWORK_ERROR = () =>
  new ApiClientError(0, "network_error", "The cloud could not be reached: check your connection", null);

/** A JSON answer's body, or the API's error it carries (the JSON error model) as an ApiClientError. */
async function answerOf(response: Response): Promise<unknown> {
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return body;
  const message = typeof body?.message === "string" ? body.message : `Request failed (${response.status})`;
  const fields = Array.isArray(body?.fields) ? (body.fields as Array<{ name: string; message: string }>) : [];
  const requestId = response.headers.get("X-Request-ID");
  throw new ApiClientError(response.status, String(body?.type ?? "unknown_error"), message, requestId, fields);
}

/**
 * PUTs a file to a signed URL the API answered (a firmware image): the URL is its only credential,
 * so no token goes with it. Answers what the file store answers; its refusals are the API's errors.
 */
export async function putToSignedUrl(url: string, file: Blob, contentType: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": contentType, Accept: "application/json" },
      body: file,
    });
  } catch {
    throw NETWORK_ERROR();
  }
  return answerOf(response);
}

function searchOf(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.limit) params.set("limit", String(query.limit));
  if (query.next) params.set("next", query.next);
  if (query.prev) params.set("prev", query.prev);
  if (query.order) params.set("order", query.order);
  if (query.sort) params.set("sort", query.sort);
  if (query.filter?.trim()) params.set("filter", query.filter.trim());
  if (query.total) params.set("include", "total_count");
  return params.size ? `?${params}` : "";
}
