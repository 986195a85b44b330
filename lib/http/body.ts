import JSON5 from "json5";
import { ApiError, badRequest } from "../errors";

export const MAX_DEPTH = 32;

// JSON by any reasonable name. curl's `-d` labels a body x-www-form-urlencoded unless told
// otherwise; such a body is still read as JSON rather than refused (the parse decides).
const ACCEPTED_TYPES = /^(application\/(json|json5|[\w.+-]+\+json|x-www-form-urlencoded)|text\/plain)$/i;

/** Reads at most `limit` bytes, refusing larger bodies before buffering them whole. */
async function readLimited(request: Request, limit: number): Promise<string> {
  const length = request.headers.get("content-length");
  const declared = Number(length ?? "0");
  if (declared > limit) throw new ApiError("payload_too_large", `Body exceeds ${limit} bytes`);
  if (!request.body) return "";
  // A declared length within the limit is read whole; only unsized (chunked) bodies are counted.
  if (length !== null) {
    const text = await request.text();
    if (Buffer.byteLength(text) > limit) throw new ApiError("payload_too_large", `Body exceeds ${limit} bytes`);
    return text;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError("payload_too_large", `Body exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Whether some value inside a parsed body, object keys included, passes `test` at its level (the
 * body is level 1). The walk keeps its own stack: a body may be deeper than any call stack.
 */
function someInside(body: unknown, test: (value: unknown, level: number) => boolean): boolean {
  const pending: Array<{ value: unknown; level: number }> = [{ value: body, level: 1 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, level } = item;
    if (test(value, level)) return true;
    if (typeof value !== "object" || value === null) continue;
    for (const child of Array.isArray(value) ? value : Object.entries(value).flat())
      pending.push({ value: child, level: level + 1 });
  }
  return false;
}

// Both parsers build a value of any depth without recursing, but zod, JSON.stringify and the
// database walk values recursively. So the depth limit is checked on the parsed value, which no
// comment, quote or escape in the text can hide a level from.
/** Whether a parsed value has more than `limit` levels of objects and arrays. */
export const nestsDeeperThan = (value: unknown, limit: number): boolean =>
  someInside(value, (inner, level) => level > limit && typeof inner === "object" && inner !== null);

// PostgreSQL cannot store U+0000 in text or JSON, so no engine takes it.
const holdsNul = (value: unknown): boolean =>
  someInside(value, (inner) => typeof inner === "string" && inner.includes("\u0000"));

/** A controller body: a JSON (or JSON5) object; empty means {}. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (type && !ACCEPTED_TYPES.test(type)) {
    throw badRequest(`Unsupported Content-Type "${type}": send a JSON object as application/json`);
  }
  const text = await readLimited(request, limit);
  // No body at all is {}; a body of spaces is not JSON.
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON5.parse(text);
    } catch {
      throw badRequest("Body is not valid JSON or JSON5");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("Body must be a JSON object");
  }
  if (nestsDeeperThan(value, MAX_DEPTH)) throw badRequest(`Body is nested deeper than ${MAX_DEPTH} levels`);
  if (holdsNul(value)) throw badRequest("Text in the body may not contain U+0000");
  return value as Record<string, unknown>;
}
