import fc from "fast-check";
import { breakingValue, fittingValue } from "./arbitraries";
import { bodyAdmits, operationsOf, parameterAdmits, type Json, type Operation } from "./document";
import { resolve } from "./json-schema";
import { problemsWith, type Sent } from "./judge";
import { World, type Credentials, type Send, type WireAnswer, type WireRequest } from "./world";

// A property-based check of the OpenAPI document against the server that serves it. Requests are
// generated from the document alone: bodies and parameters it admits or refuses, the credential
// of the least role an operation names (or none, or junk), links followed from earlier answers,
// several Accept headers. Every answer must be one the document describes, and the server must
// accept what the document admits and refuse what it refuses (judge.ts). The in-process API suite
// and an e2e spec over HTTP run it with their own transport.

interface Case extends Sent {
  request: WireRequest;
  /** Whether the credential the operation names was sent (a 401 then means a case revoked it). */
  actor: boolean;
}

const ACCEPTS = [undefined, "application/json", "text/plain", "*/*", "application/*", "text/plain, application/json"];
const RAW_BODIES = ["", "\n", " \t ", "{", "[]", "null", '"text"', "{'broken'"];
const JUNK_TOKEN = fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(..."abcdefXYZ0189_-.") });
/** Header values HTTP can carry: visible ASCII, inner spaces. */
const CARRIABLE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const CREDENTIALS = fc.oneof(
  { weight: 8, arbitrary: fc.constant("actor" as const) },
  { weight: 1, arbitrary: fc.constant("none" as const) },
  { weight: 1, arbitrary: fc.constant("junk" as const) },
);

/** The value a link's runtime expression names in an answer or its request (null: none). */
function linkValue(expression: string, body: Json, query: URLSearchParams): string | null {
  const fromBody = /^\$response\.body#\/(.+)$/.exec(expression);
  const fromQuery = /^\$request\.query\.(.+)$/.exec(expression);
  const value: unknown = fromBody ? body[fromBody[1]!] : fromQuery ? query.get(fromQuery[1]!) : undefined;
  return typeof value === "string" ? value : null;
}

export class DocumentFuzzer {
  private readonly operations: Operation[];
  /** Parameter values that links of earlier answers lead to, by operationId (null: left out). */
  private readonly followed = new Map<string, Array<Record<string, string | null>>>();
  /** How often each status answered. */
  readonly statuses = new Map<number, number>();

  private constructor(
    private readonly document: Json,
    private readonly send: Send,
    private readonly world: World,
  ) {
    this.operations = operationsOf(document);
  }

  /** Builds the fuzzer's world on the deployment that serves `document`, whose owner is `owner`. */
  static async start(document: Json, send: Send, owner: Credentials): Promise<DocumentFuzzer> {
    const origin = new URL((document.servers as Array<{ url: string }>)[0]!.url).origin;
    return new DocumentFuzzer(document, send, await World.build(send, origin, owner));
  }

  /** Sends `runs` generated requests; throws on the first answer the document does not describe. */
  async run(runs: number, seed?: number): Promise<void> {
    const cases = fc.constantFrom(...this.operations).chain((operation) => this.caseOf(operation));
    await fc.assert(
      fc.asyncProperty(cases, async (generated) => {
        const answer = await this.send(generated.request);
        this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
        const problems = problemsWith(generated, answer, this.document);
        await this.learn(generated, answer);
        if (problems.length)
          throw new Error(
            `${generated.request.path} ${answer.status} ${answer.text.slice(0, 300)}\n${problems.join("\n")}`,
          );
      }),
      // Each case changes the server's data, so replaying smaller ones would not reproduce it.
      { numRuns: runs, seed, endOnFailure: true },
    );
  }

  /** The headers of the credential an operation names (the owner's only if no lesser role will do). */
  private credentialOf(operation: Operation): Record<string, string> {
    const who = Object.values(operation.schemes).flat().includes("owner") ? "owner" : "tenant";
    const headers: Record<string, string> = {};
    for (const scheme of Object.keys(operation.schemes)) {
      if (scheme === "productToken") headers.authorization = this.world.productToken;
      else if (scheme === "loginToken" || scheme === "cloudToken") Object.assign(headers, this.world[who][scheme]);
      else if (scheme !== "origin") throw new Error(`No credential for the security scheme ${scheme}`);
    }
    return headers;
  }

  private body(operation: Operation): fc.Arbitrary<string> {
    const schema = resolve(operation.spec.requestBody as Json | undefined, this.document)?.content?.["application/json"]
      ?.schema;
    if (!schema) return fc.constant("");
    const hints = this.world.hintsFor(operation.controller);
    return fc.oneof(
      { weight: 7, arbitrary: fittingValue(schema, this.document, hints).map((value) => JSON.stringify(value)) },
      { weight: 2, arbitrary: breakingValue(schema, this.document, hints).map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
    );
  }

  /** Values of the free parameters, by name (undefined: left out). */
  private freeValues(operation: Operation): fc.Arbitrary<Array<string | undefined>> {
    const hints = this.world.hintsFor(operation.controller);
    return fc.tuple(
      ...operation.free.map((p) => {
        const known = hints(p.name).map(asText);
        const values = fc.oneof(
          { weight: known.length ? 4 : 0, arbitrary: fc.constantFrom(...(known.length ? known : [""])) },
          { weight: 4, arbitrary: fittingValue(p.schema, this.document).map(asText) },
          { weight: 1, arbitrary: breakingValue(p.schema, this.document).map(asText) },
        );
        // A header HTTP cannot carry is left out.
        const sendable = (text: string) => (p.in !== "header" || CARRIABLE.test(text) ? text : undefined);
        return fc.option(values.map(sendable), { nil: undefined, freq: p.required ? 10 : 2 });
      }),
    );
  }

  /** Parameters set by a link: none, a link an answer gave, or a value no answer gave. */
  private linkValues(operation: Operation): fc.Arbitrary<{ values: Record<string, string | null>; admitted: boolean }> {
    const pool = this.followed.get(operation.spec.operationId) ?? [];
    const linked = [...operation.linked];
    const forged = fc.tuple(fc.constantFrom(...(linked.length ? linked : [""])), fc.string({ maxLength: 60 }));
    const parameter = (name: string) => (operation.spec.parameters as Json[]).find((p) => p.name === name)!;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({ values: {}, admitted: true }) },
      {
        weight: pool.length ? 3 : 0,
        arbitrary: fc.constantFrom(...(pool.length ? pool : [{}])).map((values) => ({ values, admitted: true })),
      },
      {
        weight: linked.length ? 1 : 0,
        // An empty value is none where the document allows empty values.
        arbitrary: forged.map(([name, text]) => ({
          values: { [name]: text },
          admitted: text === "" && Boolean(parameter(name).allowEmptyValue),
        })),
      },
    );
  }

  private caseOf(operation: Operation): fc.Arbitrary<Case> {
    const credential = this.credentialOf(operation);
    return fc
      .record({
        kind: CREDENTIALS,
        junk: JUNK_TOKEN,
        accept: fc.constantFrom(...ACCEPTS),
        body: this.body(operation),
        free: this.freeValues(operation),
        link: this.linkValues(operation),
      })
      .map(({ kind, junk, accept, body, free, link }) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        const search = new URLSearchParams();
        operation.free.forEach((p, i) => {
          const text = free[i];
          if (text !== undefined && p.in === "header") headers[p.name.toLowerCase()] = text;
          else if (text !== undefined) search.set(p.name, text);
        });
        // A link sets its parameters, and leaves out those the request it came from left out.
        for (const [name, value] of Object.entries(link.values))
          if (value === null) search.delete(name);
          else search.set(name, value);
        if (accept) headers.accept = accept;
        if (kind === "actor") Object.assign(headers, credential);
        if (kind === "junk") headers.authorization = junk;
        const admitted =
          link.admitted &&
          bodyAdmits(operation, body, this.document) &&
          operation.free.every((p) =>
            parameterAdmits(
              p,
              p.in === "header" ? headers[p.name.toLowerCase()] : (search.get(p.name) ?? undefined),
              this.document,
            ),
          );
        const request = { path: operation.path, query: search.toString(), headers, body };
        return {
          operation,
          request,
          actor: kind === "actor" && Object.keys(credential).length > 0,
          entitled: kind === "actor" || (kind === "none" && operation.anonymous),
          admitted,
          accept,
          // How a failing case is printed: the request, and the document's verdict on it.
          [fc.toStringMethod]: () =>
            `POST ${request.path}?${request.query} ${JSON.stringify(headers)} ${JSON.stringify(body.slice(0, 400))} (${kind} credential, ${admitted ? "admitted" : "refused"} by the document)`,
        };
      });
  }

  /** Follows the links of an answer, and renews the world when a case revoked its credential. */
  private async learn(c: Case, answer: WireAnswer): Promise<void> {
    if (c.actor && answer.status === 401) await this.world.renew();
    if (answer.status !== 200) return;
    const links = (c.operation.spec.responses["200"].links ?? {}) as Json;
    const body = JSON.parse(answer.text) as Json;
    const request = new URLSearchParams(c.request.query);
    for (const link of Object.values(links)) {
      const expressions = Object.entries(link.parameters as Record<string, string>);
      const values = Object.fromEntries(expressions.map(([name, e]) => [name, linkValue(e, body, request)]));
      // A link whose value from the answer is null (no next page) leads nowhere.
      if (expressions.some(([name, e]) => e.startsWith("$response.") && values[name] === null)) continue;
      this.followed.set(link.operationId, [values, ...(this.followed.get(link.operationId) ?? [])].slice(0, 8));
    }
  }
}
