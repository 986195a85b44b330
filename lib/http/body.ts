import JSON5 from "json5";
import { ApiError, badRequest } from "../errors";

export const MAX_DEPTH = 32;

// JSON by any reasonable name. curl's `-d` labels a body x-www-form-urlencoded unless told
// otherwise; such a body is still read as JSON rather than refused (the parse decides).
const ACCEPTED_TYPES = /^(application\/(json|json5|[\w.+-]+\+json|x-www-form-urlencoded)|text\/plain)$/i;

/** Reads at most `limit` bytes, refusing larger bodies before buffering them whole. */
export async function readLimited(request: Request, limit: number): Promise<string> {
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
 * What is wrong with a parsed body's shape, if anything: more than `maxDepth` levels of objects
 * and arrays (the body is level 1), U+0000 in a text or a name, or a name `__proto__` (JSON.parse
 * keeps it as a name, but an object built from it would drop it, silently changing what was sent). One walk with its own stack (a
 * body may be deeper than any call stack), allocating nothing per value: a metric batch holds
 * tens of thousands of them.
 */
export function shapeProblem(body: unknown, maxDepth: number): "deep" | "nul" | "proto" | null {
  const values: unknown[] = [body];
  const levels: number[] = [1];
  while (values.length > 0) {
    const value = values.pop();
    const level = levels.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return "nul";
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (level > maxDepth) return "deep";
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) {
        values.push(child);
        levels.push(level + 1);
      }
      continue;
    }
    for (const key in value) {
      if (key.includes("\u0000")) return "nul";
      if (key === "__proto__") return "proto";
      values.push((value as Record<string, unknown>)[key]);
      levels.push(level + 1);
    }
  }
  return null;
}

/** A controller body: a JSON (or JSON5) object; empty means {}. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (type && !ACCEPTED_TYPES.test(type)) {
    throw badRequest(`Unsupported Content-Type "${type}": send a JSON object as application/json`);
  }
  return parseJsonObject(await readLimited(request, limit));
}

/** A body's text as a JSON (or JSON5) object; empty means {}. MQTT payloads are read the same way. */
export function parseJsonObject(text: string): Record<string, unknown> {
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
  // Both parsers build a value of any depth without recursing, but zod, JSON.stringify and the
  // database walk values recursively: the depth is checked on the parsed value, which no comment,
  // quote or escape in the text can hide a level from. PostgreSQL cannot store U+0000 in text or
  // JSON, so no engine takes it.
  const problem = shapeProblem(value, MAX_DEPTH);
  if (problem === "deep") throw badRequest(`Body is nested deeper than ${MAX_DEPTH} levels`);
  if (problem === "nul") throw badRequest("Text in the body may not contain U+0000");
  if (problem === "proto") throw badRequest("The name __proto__ is not accepted in a body");
  return value as Record<string, unknown>;
}
