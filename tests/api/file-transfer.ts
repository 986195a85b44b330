import { fileRoute } from "../../lib/http/file-route";

// Calls the file store's route handlers in-process with real Requests, as tests/api/client.ts does
// for the API: a signed URL's path names the grant, nothing else is needed.

export interface TransferOptions {
  method?: string;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
}

export interface Transfer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read what came back
}

export async function transfer(url: string, options: TransferOptions = {}): Promise<Transfer> {
  const method = options.method ?? "GET";
  const token = new URL(url).pathname.replace(/^\/files\//, "");
  const headers: Record<string, string> = { "x-forwarded-for": "127.0.0.1", ...options.headers };
  if (options.contentType) headers["content-type"] = options.contentType;
  if (options.accept) headers.accept = options.accept;
  const streamed = options.body instanceof ReadableStream;
  const request = new Request(url, {
    method,
    headers,
    body: options.body,
    ...(streamed ? { duplex: "half" } : {}),
  } as RequestInit);
  const handler = fileRoute[method as keyof typeof fileRoute];
  const response = await handler(request, { params: Promise.resolve({ token }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

/** A body of `size` bytes sent in chunks without a Content-Length, as a chunked upload arrives. */
export function chunked(size: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const length = Math.min(chunk, size - sent);
      sent += length;
      controller.enqueue(new Uint8Array(length).fill(7));
    },
  });
}
