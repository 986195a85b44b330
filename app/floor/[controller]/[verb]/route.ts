// The floor `npm run bench:api` measures the API against: a POST route handler of this build with
// the API's dynamic /<surface>/<controller>/<verb> shape that reads its body, and nothing else.
// It exists only for the benchmark and answers only where BENCH_FLOOR=true.
export async function POST(request: Request, context: { params: Promise<{ controller: string; verb: string }> }) {
  await context.params;
  await request.text();
  if (process.env.BENCH_FLOOR !== "true") return new Response("Not found", { status: 404 });
  return new Response('{"data":{}}', { headers: { "Content-Type": "application/json" } });
}
