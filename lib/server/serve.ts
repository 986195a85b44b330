import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { ApiError } from "../errors";
import { errorResponse } from "../http/error-response";
import { newId } from "../ids";

// The production server: Next's request handler behind a plain node:http server. It sets what no
// client may choose and every answer must carry (decision 004):
// - the client address the rate limits key on, from the socket (Next itself passes a client-sent
//   X-Forwarded-For through), unless TRUST_PROXY=true says a proxy of ours sets it;
// - one X-Request-ID per request, on the request (the API and the portal's sign-in answer and audit
//   under it) and on the response, whoever writes the rest of it: Next keeps a header already set.

// The methods Next answers. It cannot answer others: TRACE made it throw (a 500), PROPFIND got a bare 400.
const APP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export async function serve(options: { port: number; dir: string; trustProxy: boolean }): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, port: options.port, hostname: "0.0.0.0" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    const requestId = newId();
    request.headers["x-request-id"] = requestId;
    response.setHeader("X-Request-ID", requestId);
    if (!options.trustProxy) request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    if (APP_METHODS.has(request.method ?? "")) void handle(request, response);
    else void refuseMethod(request, response, requestId);
  });
  server.on("clientError", answerClientError);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, resolve);
  });
  return server;
}

/** 405 in the API's error model (plain text, or JSON when accepted). */
async function refuseMethod(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
  const error = new ApiError("method_not_supported", `Method ${request.method} is not supported`);
  const answer = errorResponse(error, requestId, request.headers.accept ?? null);
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), Allow: [...APP_METHODS].join(", ") });
  response.end(await answer.text());
}

// What node answers by default when its HTTP parser refuses a request (an unknown method, headers
// too large), with a request ID added.
const PARSER_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = PARSER_STATUS[error.code ?? ""] ?? 400;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\nX-Request-ID: ${newId()}\r\n\r\n`,
  );
}
