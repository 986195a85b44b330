import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "../env";
import { accessDenied, ApiError, notFound } from "../errors";
import { tooLarge } from "../files/disk";
import { verifiedGrant, type FileGrant } from "../files/signed-url";
import { limit } from "../pipeline/limits";
import { deleteDeviceFile, openDeviceFile, storeDeviceFile } from "../services/files";
import { openImage, storeImage } from "../services/firmware";
import { clientAddressOf } from "./client-address";
import { jsonResponse } from "./json-response";
import { standaloneRoute } from "./standalone-route";

// The file store's HTTP side (decision 016): GET|HEAD, PUT and DELETE on /files/<signed grant>. The
// URL is the only credential: its signature, expiry and command are checked before anything is
// read, and refusals are the API's errors (403 for a URL that is forged, expired or used for another
// command), with X-Request-ID like every answer.

const METHOD_OF = { get: ["GET", "HEAD"], put: ["PUT"], delete: ["DELETE"] } as const;
const SERVED = new Set(["GET", "HEAD", "PUT", "DELETE"]);

interface TokenParams {
  params: Promise<{ token: string }>;
}

const mediaType = (header: string | null) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** A file's name for a download: its last path segment, encoded as RFC 6266 asks. */
function disposition(filename: string): string {
  const base = filename.split(/[\\/]/).filter(Boolean).pop() ?? "file";
  return `attachment; filename*=UTF-8''${encodeURIComponent(base)}`;
}

async function download(request: Request, grant: FileGrant, requestId: string): Promise<Response> {
  const file = grant.target.kind === "device" ? await openDeviceFile(grant.target) : await openImage(grant.target);
  if (!file) throw notFound("Cannot find file");
  if (request.method === "HEAD") await file.stream.cancel();
  return new Response(request.method === "HEAD" ? null : file.stream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": disposition(grant.target.filename),
      // Whatever a device stored, it never runs as a page of this origin.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "X-Request-ID": requestId,
    },
  });
}

async function upload(request: Request, grant: FileGrant, requestId: string): Promise<Response> {
  const type = mediaType(request.headers.get("content-type"));
  if (type && type !== grant.mimeType) throw accessDenied(`This URL takes Content-Type ${grant.mimeType}`);
  if (Number(request.headers.get("content-length") ?? 0) > grant.size) throw tooLarge(grant.size);
  const body = request.body as WebReadableStream<Uint8Array> | null;
  if (grant.target.kind === "image")
    return jsonResponse(await storeImage({ ...grant, target: grant.target }, body), requestId);
  const stored = await storeDeviceFile({ ...grant, target: grant.target }, body);
  return jsonResponse({ ...stored, filename: grant.target.filename }, requestId);
}

async function remove(grant: FileGrant, requestId: string): Promise<Response> {
  // Images are removed with firmware/remove; their URLs never grant delete.
  if (grant.target.kind !== "device" || !(await deleteDeviceFile(grant.target))) throw notFound("Cannot find file");
  return jsonResponse({ removed: true }, requestId);
}

async function transfer(request: Request, context: TokenParams, requestId: string): Promise<Response> {
  if (!SERVED.has(request.method)) {
    throw new ApiError("method_not_supported", `Method ${request.method} is not supported: use GET, PUT or DELETE`);
  }
  limit(`addr:files:${clientAddressOf(request.headers.get("x-forwarded-for"))}`, env().rateLimitPerMinute);
  const grant = verifiedGrant((await context.params).token);
  const allowed: readonly string[] = METHOD_OF[grant.command];
  if (!allowed.includes(request.method)) throw accessDenied(`This URL allows ${allowed.join(" or ")} only`);
  if (grant.command === "get") return download(request, grant, requestId);
  if (grant.command === "put") return upload(request, grant, requestId);
  return remove(grant, requestId);
}

/** The handlers of /files/<token>: every method, so others get the API's error body too. */
export const fileRoute = standaloneRoute(transfer);
