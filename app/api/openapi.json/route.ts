import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { openApiDocument } from "@/lib/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(env().appOrigin), { headers: { "X-Request-ID": newId() } });
}
