/** A JSON answer with the request's ID; API answers are never cached. */
export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return new Response(Buffer.from(JSON.stringify(body)), {
    status,
    headers: { "Content-Type": "application/json", "X-Request-ID": requestId, "Cache-Control": "no-store" },
  });
}
