import { env } from "@/lib/env";
import { requestIdOf } from "@/lib/http/request-id";
import { openApiDocument } from "@/lib/openapi";

export function GET(request: Request): Response {
  const requestId = requestIdOf(request.headers.get("x-request-id"));
  return Response.json(openApiDocument(env().appOrigin), { headers: { "X-Request-ID": requestId } });
}
