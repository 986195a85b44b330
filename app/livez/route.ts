// Liveness: the process answers. Deliberately touches nothing else.
export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
