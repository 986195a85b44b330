// The Swagger UI, served from the swagger-ui-dist package (no CDN). Its scripts carry this
// request's CSP nonce (proxy.ts), which the page's policy requires of every script.
const page = (nonce: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fleetport API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/swagger/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script nonce="${nonce}" src="/swagger/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}" src="/swagger/assets/init.js"></script></body></html>`;

export function GET(request: Request): Response {
  // The proxy always sets it; its value is base64, safe inside an attribute.
  const nonce = (request.headers.get("x-nonce") ?? "").replace(/[^A-Za-z0-9+/=]/g, "");
  return new Response(page(nonce), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
