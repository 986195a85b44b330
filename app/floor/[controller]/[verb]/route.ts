import { rawReader } from "@/lib/db/raw-reader";

// The floor `npm run bench:api` measures the API against: a POST route handler of this build with
// the API's dynamic /<surface>/<controller>/<verb> shape that reads its body, and nothing else.
// It exists only for the benchmark and answers only where BENCH_FLOOR=true. Two options make
// diagnostic lines, never the floor itself: `?bytes=N` answers a body of N bytes (made once), to
// show what a large answer costs the framework alone; `?selects=N` first makes N bare round trips
// (`SELECT 1`) through the raw reader, to show what the database's round trips alone cost.
const MAX_BYTES = 1 << 20;
const bodies = new Map<number, string>();

function bodyOf(bytes: number): string {
  let body = bodies.get(bytes);
  if (body === undefined) bodies.set(bytes, (body = JSON.stringify({ data: "x".repeat(Math.max(0, bytes - 11)) })));
  return body;
}

const count = (text: string | null, max: number) => {
  const value = Number(text ?? 0);
  return Number.isInteger(value) && value > 0 && value <= max ? value : 0;
};

export async function POST(request: Request, context: { params: Promise<{ controller: string; verb: string }> }) {
  await context.params;
  await request.text();
  if (process.env.BENCH_FLOOR !== "true") return new Response("Not found", { status: 404 });
  const options = new URL(request.url).searchParams;
  for (let i = count(options.get("selects"), 10); i > 0; i--) await rawReader().all("SELECT 1", []);
  const bytes = count(options.get("bytes"), MAX_BYTES);
  return new Response(bytes ? bodyOf(bytes) : '{"data":{}}', { headers: { "Content-Type": "application/json" } });
}
