import { createServer, type Server } from "node:http";
import next from "next";

// The production server: Next's request handler behind a plain node:http server, so the client
// address the rate limits key on is the socket's, not a header a client can forge (Next itself
// passes a client-sent X-Forwarded-For through). With TRUST_PROXY=true a proxy of ours sets it.
export async function serve(options: { port: number; dir: string; trustProxy: boolean }): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, port: options.port, hostname: "0.0.0.0" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    if (!options.trustProxy) request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, resolve);
  });
  return server;
}
