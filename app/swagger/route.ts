// The Swagger UI, served from the swagger-ui-dist package (no CDN).
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fleetport API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/swagger/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/swagger/assets/swagger-ui-bundle.js"></script>
<script src="/swagger/assets/init.js"></script></body></html>`;

export function GET(): Response {
  return new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
