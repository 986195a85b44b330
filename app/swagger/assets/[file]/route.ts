import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const FILES: Record<string, string> = { "swagger-ui.css": "text/css", "swagger-ui-bundle.js": "text/javascript" };
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  if (file === "init.js") return new Response(INIT, { headers: { "Content-Type": "text/javascript" } });
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const dir = path.dirname(require.resolve("swagger-ui-dist/package.json"));
  const body = await readFile(path.join(dir, file));
  return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}
