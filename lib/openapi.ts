import { z } from "zod";
import { controllerVerbs, specialVerbs } from "./controllers";
import { pageQuery } from "./contracts/common";
import { loginSession } from "./contracts/user";
import { isAccountRole, type VerbContract } from "./contracts/verb";
import type { ErrorType } from "./errors";
import { ERROR_STATUS } from "./http/error-response";

// OpenAPI 3.1 from the verb registry: the served document cannot disagree with the verb pipeline.
// tests/fuzz/openapi-fuzz.ts holds it to that: every answer must be one it describes.

type JsonSchema = Record<string, unknown>;

const errorModel = {
  type: "object",
  required: ["object", "code", "type", "message", "request_id"],
  properties: {
    object: { const: "error" },
    code: { type: "integer" },
    type: { enum: Object.keys(ERROR_STATUS) },
    message: { type: "string" },
    fields: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "message"],
        properties: { name: { type: "string" }, message: { type: "string" } },
      },
    },
    request_id: { type: "string", maxLength: 32 },
  },
};

const schemaOf = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;

// What a POST can answer besides 200, by status. 405 answers other methods only, and a 500 is a
// fault, not an answer the API gives by design.
const errorStatuses = new Map<number, ErrorType[]>();
for (const [type, status] of Object.entries(ERROR_STATUS) as Array<[ErrorType, number]>) {
  if (status !== 405 && status !== 500) errorStatuses.set(status, [...(errorStatuses.get(status) ?? []), type]);
}

const requestIdHeader = { "X-Request-ID": { $ref: "#/components/headers/RequestId" } };

function errorAnswer(status: number, types: ErrorType[]) {
  return {
    description: `${types.join(", ")}. The message as plain text, unless Accept takes application/json.`,
    headers: {
      ...requestIdHeader,
      ...(status === 429 ? { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } : {}),
    },
    content: {
      "text/plain": { schema: { type: "string" } },
      "application/json": {
        schema: {
          allOf: [
            { $ref: "#/components/schemas/Error" },
            { properties: { code: { const: status }, type: { enum: types } } },
          ],
        },
      },
    },
  };
}

function answerSchema(contract: VerbContract) {
  const output = schemaOf(contract.output, "output");
  if (contract.answer === "bare") return output;
  if (contract.answer === "data") return { type: "object", required: ["data"], properties: { data: output } };
  return {
    type: "object",
    required: ["data", "next", "prev", "paged"],
    properties: {
      data: output,
      next: { type: ["string", "null"] },
      prev: { type: ["string", "null"] },
      paged: { const: true },
      total_count: { type: "integer" },
    },
  };
}

/** A list's query string, from the contract the dispatcher parses it with. */
function listParameters(contract: VerbContract) {
  const properties = schemaOf(pageQuery, "input").properties as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, { allowEmptyValue, description, ...schema }]) => ({
    name,
    in: "query",
    required: false,
    ...(allowEmptyValue ? { allowEmptyValue } : {}),
    description,
    schema: name === "sort" ? { type: "string", enum: Object.keys(contract.sortable ?? {}) } : schema,
  }));
}

/** The query-string options a verb declares beside a list's page. */
function queryParameters(contract: VerbContract) {
  if (!contract.query) return [];
  const properties = schemaOf(contract.query, "input").properties as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: "query",
    required: false,
    description,
    schema,
  }));
}

/** A list's answer links to its next and previous pages, in the same order. */
function pageLinks(operationId: string) {
  const link = (cursor: "next" | "prev") => ({
    operationId,
    description: `The ${cursor === "next" ? "next" : "previous"} page, while \`${cursor}\` is not null (with the same body)`,
    parameters: { [cursor]: `$response.body#/${cursor}`, sort: "$request.query.sort", order: "$request.query.order" },
  });
  return { next: link("next"), prev: link("prev") };
}

// A login access token is bound to the Origin of the request that obtains it.
const originParameter = {
  name: "Origin",
  in: "header",
  required: true,
  description: "This cloud's origin (or one of ALLOWED_ORIGINS): the login access token works only with it",
  schema: { type: "string", minLength: 1 },
};

function operation(contract: VerbContract, operationId: string, security: Array<Record<string, string[]>>) {
  const input = schemaOf(contract.input, "input");
  const parameters = [
    ...(contract.answer === "list" ? listParameters(contract) : []),
    ...queryParameters(contract),
    ...(contract.output === loginSession ? [originParameter] : []),
  ];
  return {
    operationId,
    tags: [contract.controller],
    summary: contract.summary,
    description: `Allowed: ${contract.allow.join(", ")}.${contract.ignoreUnknown ? " Unknown body fields are ignored." : " Unknown body fields are refused."}`,
    security: contract.allow.includes("public") ? [{}, ...security] : security,
    parameters,
    requestBody: {
      // An empty body is read as {}: a body is needed only when a field is.
      required: ((input.required as string[] | undefined) ?? []).length > 0,
      content: { "application/json": { schema: input } },
    },
    responses: {
      "200": {
        description: "Success",
        headers: requestIdHeader,
        content: { "application/json": { schema: answerSchema(contract) } },
        ...(contract.answer === "list" ? { links: pageLinks(operationId) } : {}),
      },
      ...Object.fromEntries(
        [...errorStatuses.keys()].map((status) => [status, { $ref: `#/components/responses/Error${status}` }]),
      ),
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, unknown> = {};
  for (const { contract } of controllerVerbs) {
    const path = `${contract.controller}/${contract.verb}`;
    const roles = contract.allow.filter(isAccountRole);
    const accountVerb = contract.allow.some((grant) => grant !== "device" && grant !== "product");
    if (accountVerb)
      paths[`/api/${path}`] = {
        post: operation(contract, `${contract.controller}.${contract.verb}`, [{ loginToken: roles, origin: [] }]),
      };
    paths[`/tok/${path}`] = {
      post: operation(contract, `tok.${contract.controller}.${contract.verb}`, [{ cloudToken: roles }]),
    };
  }
  paths["/api/auth"] = { post: operation(specialVerbs.authLogin.contract, "auth.login", []) };
  // An agent may send its product token in the body's `product` field instead.
  paths["/builder/device/register"] = {
    post: operation(specialVerbs.registerDevice.contract, "device.register", [{ productToken: [] }, {}]),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Fleetport API",
      version: "1.0.0",
      description:
        "Ioto-compatible device cloud API. Every call is POST with a JSON (or JSON5) object as its body; an empty body is {}. " +
        "Text is stored trimmed. No text may contain U+0000. Errors are plain text unless Accept takes application/json. " +
        "Every answer carries X-Request-ID.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: errorModel },
      responses: Object.fromEntries(
        [...errorStatuses].map(([status, types]) => [`Error${status}`, errorAnswer(status, types)]),
      ),
      headers: {
        RequestId: {
          required: true,
          description: "The request's ID, also in the log lines it wrote",
          schema: { type: "string", pattern: "^[0-9A-Z]{26}$" },
        },
        RetryAfter: {
          required: true,
          description: "Seconds to wait before trying again",
          schema: { type: "string", pattern: "^[1-9][0-9]*$" },
        },
      },
      securitySchemes: {
        loginToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "Login access token from POST /api/auth (send the same Origin). An operation names the least account role it needs: owner > admin > user > viewer",
        },
        origin: { type: "apiKey", in: "header", name: "Origin" },
        cloudToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "CloudAPI token (or a device token on device verbs). An operation names the least account role it needs: owner > admin > user > viewer",
        },
        productToken: { type: "apiKey", in: "header", name: "Authorization", description: "Product token (bearer)" },
      },
    },
  };
}
