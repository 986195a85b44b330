import { resolve, violations } from "./json-schema";

// Reading an OpenAPI document: its operations, what each needs as a credential, and which of its
// parameters come from the links of earlier answers.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document, read by key
export type Json = Record<string, any>;

export interface Operation {
  path: string;
  /** The controller its path names (/api|/tok/<controller>/<verb>, /api/auth, /builder/device/register). */
  controller: string;
  spec: Json;
  /** Its parameters, but those that links of answers set from the answer (cursors). */
  free: Json[];
  /** Names of the parameters that links set from an answer. */
  linked: Set<string>;
  /** Whether it may be called without a credential. */
  anonymous: boolean;
  /** The security schemes of its credential and the least roles they name (empty: none). */
  schemes: Record<string, string[]>;
}

export function operationsOf(document: Json): Operation[] {
  const entries = Object.entries(document.paths as Record<string, Json>).map(([path, item]) => ({
    path,
    spec: item.post as Json,
  }));
  const linkedTo = (operationId: string) => {
    const linked = new Set<string>();
    for (const { spec } of entries)
      for (const response of Object.values(spec.responses as Json))
        for (const link of Object.values((resolve(response, document).links ?? {}) as Json))
          if (link.operationId === operationId)
            for (const [name, expression] of Object.entries(link.parameters as Record<string, string>))
              if (expression.startsWith("$response.")) linked.add(name);
    return linked;
  };
  return entries.map(({ path, spec }) => {
    const linked = linkedTo(spec.operationId);
    const requirements = (spec.security ?? document.security ?? []) as Array<Record<string, string[]>>;
    return {
      path,
      controller: path.split("/")[2]!,
      spec,
      linked,
      free: ((spec.parameters ?? []) as Json[]).map((p) => resolve(p, document)).filter((p) => !linked.has(p.name)),
      anonymous: requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0),
      schemes: requirements.find((requirement) => Object.keys(requirement).length > 0) ?? {},
    };
  });
}

/** A parameter's text as the value its schema describes (numbers and booleans are sent as text). */
function parameterValue(schema: Json, text: string): unknown {
  const types = [schema.type].flat();
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

/** Whether the document admits a value of a parameter (undefined: not sent). */
export function parameterAdmits(parameter: Json, text: string | undefined, document: Json): boolean {
  if (text === undefined || (text === "" && parameter.allowEmptyValue)) return !parameter.required;
  return violations(parameter.schema, parameterValue(parameter.schema, text), document).length === 0;
}

/** The document's rule for all text (its info.description): no U+0000 anywhere in a body. */
const holdsNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : typeof value === "object" && value !== null && Object.entries(value).flat().some(holdsNul);

/** Whether the document admits a request body as sent ("": none). */
export function bodyAdmits(operation: Operation, text: string, document: Json): boolean {
  const requestBody = resolve(operation.spec.requestBody as Json | undefined, document);
  const schema = requestBody?.content?.["application/json"]?.schema;
  if (text === "") return !requestBody?.required;
  if (!schema) return false;
  try {
    const value: unknown = JSON.parse(text);
    return !holdsNul(value) && violations(schema, value, document).length === 0;
  } catch {
    return false;
  }
}
