import { randomBytes } from "node:crypto";
import { dispatch } from "../../lib/http/route-adapter";
import type { Route } from "../../lib/pipeline/surfaces";

// Calls the real HTTP adapter in-process with real Requests: the verb pipeline, contracts,
// services, database.
export const ORIGIN = "http://localhost:3000";

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: string;
  origin?: string | null;
  /** null: send no Accept header. */
  accept?: string | null;
  method?: string;
  query?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read what came back
}

export async function call(path: string, options: CallOptions = {}): Promise<Answer> {
  const [surface, controller = "", verb = ""] = path.replace(/^\//, "").split("/");
  const route: Route =
    path === "/api/auth"
      ? { surface: "auth" }
      : surface === "builder"
        ? { surface: "builder" }
        : { surface: surface as "api" | "tok", controller, verb };
  const headers: Record<string, string> = { "x-forwarded-for": "127.0.0.1", ...options.headers };
  if (options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const origin = options.origin === undefined ? (surface === "api" ? ORIGIN : null) : options.origin;
  if (origin) headers.origin = origin;
  if (options.accept !== null) headers.accept = options.accept ?? "application/json";
  const method = options.method ?? "POST";
  const body = method === "GET" || method === "HEAD" ? undefined : (options.raw ?? JSON.stringify(options.body ?? {}));
  const request = new Request(`${ORIGIN}${path}${options.query ? `?${options.query}` : ""}`, { method, headers, body });
  const response = await dispatch(request, route);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const unique = (label: string) => `${label}-${randomBytes(4).toString("hex")}`;
export const claimId = () => randomBytes(5).toString("hex").toUpperCase();
