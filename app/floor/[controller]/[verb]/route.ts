// The floor `npm run bench:api` measures the API against: a POST route handler of this build with
// the API's dynamic /<surface>/<controller>/<verb> shape that reads its body, and nothing else.
// It exists only for the benchmark and answers only where BENCH_FLOOR=true. `?bytes=N` answers a
// body of N bytes instead, made once, so the benchmark can show what sending a large answer costs
// the framework alone.
const MAX_BYTES = 1 << 20;
const bodies = new Map<number, string>();

function bodyOf(bytes: number): string {
  let body = bodies.get(bytes);
  if (body === undefined) bodies.set(bytes, (body = JSON.stringify({ data: "x".repeat(Math.max(0, bytes - 11)) })));
  return body;
}

export async function POST(request: Request, context: { params: Promise<{ controller: string; verb: string }> }) {
  await context.params;
  await request.text();
  if (process.env.BENCH_FLOOR !== "true") return new Response("Not found", { status: 404 });
  const bytes = Number(new URL(request.url).searchParams.get("bytes") ?? 0);
  const body = Number.isInteger(bytes) && bytes > 0 && bytes <= MAX_BYTES ? bodyOf(bytes) : '{"data":{}}';
  return new Response(body, { headers: { "Content-Type": "application/json" } });
}
