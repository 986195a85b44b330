import type { Json, Operation } from "./document";
import { resolve, violations } from "./json-schema";
import type { WireAnswer } from "./world";

// The verdict on one answer: it must be one the document describes for the operation (status,
// headers, content type, body), and it must agree with what the document says of the request.

export interface Sent {
  operation: Operation;
  /** Whether the document lets the credential sent (or none) call the operation. */
  entitled: boolean;
  /** Whether the document admits the body and every parameter sent. */
  admitted: boolean;
  accept: string | undefined;
}

/** Whether a media type is one the Accept header takes (q=0 ranges refuse). */
function acceptable(media: string, accept: string): boolean {
  const [type, subtype] = media.split("/");
  return accept.split(",").some((range) => {
    const [name = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (params.some((param) => /^q=0(\.0*)?$/.test(param))) return false;
    const [rangeType, rangeSub] = name.split("/");
    return (rangeType === "*" || rangeType === type) && (rangeSub === "*" || rangeSub === subtype);
  });
}

/** The answer's body as its media type reads, with what is wrong with it. */
function bodyOf(
  documented: Json,
  sent: Sent,
  answer: WireAnswer,
  document: Json,
): { body: unknown; problems: string[] } {
  const media = (answer.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const content = (documented.content ?? {}) as Json;
  if (!(media in content))
    return { body: undefined, problems: [`content type "${media}" is not documented for ${answer.status}`] };
  const problems: string[] = [];
  if (sent.accept && Object.keys(content).some((m) => acceptable(m, sent.accept!)) && !acceptable(media, sent.accept))
    problems.push(`answered ${media} to Accept: ${sent.accept}`);
  let body: unknown = answer.text;
  if (media.endsWith("json")) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      return { body: undefined, problems: [...problems, "the body is not JSON"] };
    }
  }
  problems.push(...violations(content[media].schema, body, document, "body"));
  return { body, problems };
}

/** Body fields the document marks as judged by the server beyond their schema (`x-server-judged`). */
function serverJudged(operation: Operation, document: Json): Set<string> {
  const schema = resolve(
    operation.spec.requestBody?.content?.["application/json"]?.schema as Json | undefined,
    document,
  );
  const properties = (schema?.properties ?? {}) as Json;
  return new Set(
    Object.entries(properties)
      .filter(([, property]) => resolve(property as Json, document)["x-server-judged"] !== undefined)
      .map(([name]) => name),
  );
}

/** A validation error that only names fields the server judges beyond their schema. */
function judgedRefusal(error: { fields?: unknown } | undefined, operation: Operation, document: Json): boolean {
  const fields = Array.isArray(error?.fields) ? (error.fields as Array<{ name?: unknown }>) : [];
  const judged = serverJudged(operation, document);
  // A field inside a judged one (`points.3.timestamp`) is judged with it.
  return (
    fields.length > 0 &&
    fields.every((field) => typeof field.name === "string" && judged.has(field.name.split(".")[0]!))
  );
}

/** What is wrong with an answer, by the document. */
export function problemsWith(sent: Sent, answer: WireAnswer, document: Json): string[] {
  const responses = sent.operation.spec.responses as Json;
  const documented = resolve((responses[String(answer.status)] ?? responses.default) as Json | undefined, document);
  if (!documented) return [`status ${answer.status} is not documented`];
  const problems: string[] = [];
  for (const [name, header] of Object.entries((documented.headers ?? {}) as Json)) {
    const value = answer.headers.get(name);
    const spec = resolve(header as Json, document);
    if (value !== null) problems.push(...violations(spec.schema, value, document, `header ${name}`));
    else if (spec.required) problems.push(`header ${name} is missing`);
  }
  const { body, problems: bodyProblems } = bodyOf(documented, sent, answer, document);
  problems.push(...bodyProblems);
  const error = body as { type?: unknown; request_id?: unknown; fields?: unknown } | undefined;
  if (typeof error?.request_id === "string" && error.request_id !== answer.headers.get("x-request-id"))
    problems.push("the body's request_id is not the X-Request-ID header");
  // A limit says nothing of the request itself.
  if (answer.status === 429) return problems;
  if (sent.entitled) {
    if (!sent.admitted && answer.status < 300)
      problems.push("the document refuses this request; the server accepted it");
    if (sent.admitted && error?.type === "validation_error" && !judgedRefusal(error, sent.operation, document))
      problems.push("the document admits this request; the server refused it");
  } else if (sent.admitted && answer.status !== 401) {
    problems.push(`answered ${answer.status} without a valid credential`);
  }
  return problems;
}
