// Liveness: the process answers. Deliberately touches nothing else, which also makes it the
// framework floor that `npm run bench:api` measures the API against.
export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
