import { z } from "zod";
import { controllerVerbs, specialVerbs } from "./controllers";
import type { VerbContract } from "./contracts/verb";
import { ERROR_STATUS } from "./http/error-response";

// OpenAPI 3.1 from the verb registry: the served document cannot disagree with the verb pipeline.

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
      items: { type: "object", properties: { name: { type: "string" }, message: { type: "string" } } },
    },
    request_id: { type: "string", maxLength: 32 },
  },
};

const schemaOf = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

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

function operation(contract: VerbContract, security: Array<Record<string, string[]>>) {
  const listParams =
    contract.answer === "list"
      ? [
          ...["limit", "next", "prev", "order", "include", "filter"].map((name) => ({
            name,
            in: "query",
            required: false,
            schema: { type: "string" },
          })),
          {
            name: "sort",
            in: "query",
            required: false,
            schema: { type: "string", enum: Object.keys(contract.sortable ?? {}) },
          },
        ]
      : [];
  return {
    operationId: `${contract.controller}.${contract.verb}`,
    tags: [contract.controller],
    summary: contract.summary,
    description: `Allowed: ${contract.allow.join(", ")}.${contract.ignoreUnknown ? " Unknown body fields are ignored." : " Unknown body fields are refused."}`,
    security: contract.allow.includes("public") ? [{}, ...security] : security,
    parameters: listParams,
    requestBody: { required: false, content: { "application/json": { schema: schemaOf(contract.input, "input") } } },
    responses: {
      "200": { description: "Success", content: { "application/json": { schema: answerSchema(contract) } } },
      default: {
        description: "Error (plain text unless Accept: application/json)",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, unknown> = {};
  for (const { contract } of controllerVerbs) {
    const path = `${contract.controller}/${contract.verb}`;
    const accountVerb = contract.allow.some((grant) => grant !== "device" && grant !== "product");
    if (accountVerb) paths[`/api/${path}`] = { post: operation(contract, [{ loginToken: [], origin: [] }]) };
    paths[`/tok/${path}`] = {
      post: {
        ...operation(contract, [{ cloudToken: [] }]),
        operationId: `tok.${contract.controller}.${contract.verb}`,
      },
    };
  }
  paths["/api/auth"] = { post: operation(specialVerbs.authLogin.contract, []) };
  paths["/builder/device/register"] = { post: operation(specialVerbs.registerDevice.contract, [{ productToken: [] }]) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Fleetport API",
      version: "1.0.0",
      description: "Ioto-compatible device cloud API. Every call is POST with a JSON (or JSON5) body.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: errorModel },
      securitySchemes: {
        loginToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "Login access token from POST /api/auth (send the same Origin)",
        },
        origin: { type: "apiKey", in: "header", name: "Origin" },
        cloudToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "CloudAPI token (or a device token on device verbs)",
        },
        productToken: { type: "apiKey", in: "header", name: "Authorization", description: "Product token (bearer)" },
      },
    },
  };
}
