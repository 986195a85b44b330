import { readFile } from "node:fs/promises";
import path from "node:path";

// The bundler rewrites require.resolve into a module number, so the package is found from the
// project root, where the server always runs.
const DIST = path.join(process.cwd(), "node_modules", "swagger-ui-dist");
const FILES: Record<string, string> = { "swagger-ui.css": "text/css", "swagger-ui-bundle.js": "text/javascript" };
// Tags start collapsed: expanded, Swagger UI 5 drew the first tag's operations and no more once the
// document passed about 130 paths (no error, in Chromium), and a reader opens the controller they want.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true, docExpansion: "none" });`;

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  if (file === "init.js") return new Response(INIT, { headers: { "Content-Type": "text/javascript" } });
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body = await readFile(path.join(DIST, file));
  return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}
