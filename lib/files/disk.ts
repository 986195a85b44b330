import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "../env";
import { ApiError } from "../errors";
import { newId } from "../ids";

// The file store on disk (decision 016), under DATA_DIR/files. Every path is built from IDs this
// server made (an account's, a stored file's, a product's, a release's), never from a name a
// caller chose, so no filename can reach outside the store. A body is streamed to a temporary file
// first and renamed into place only once whole and within its size, so a reader never sees half a
// file and a refused upload leaves nothing behind.

const ID = /^[0-9A-Za-z]{1,64}$/;

function idPart(id: string): string {
  if (!ID.test(id)) throw new Error("A file store path is built from IDs only");
  return id;
}

const root = () => path.join(env().dataDir, "files");

/** Where a device's stored file lives: by its account and the StoredFile row's ID. */
export const deviceFilePath = (accountId: string, fileId: string) =>
  path.join(root(), "devices", idPart(accountId), idPart(fileId));

/** Every stored file of an account, removed when the account closes. */
export const accountFilesPath = (accountId: string) => path.join(root(), "devices", idPart(accountId));

/** Where a firmware release's image lives: by its product and the release's ID. */
export const imagePath = (productId: string, releaseId: string) =>
  path.join(root(), "firmware", idPart(productId), idPart(releaseId));

/** Every image of a product, removed with it. */
export const productImagesPath = (productId: string) => path.join(root(), "firmware", idPart(productId));

export interface Received {
  /** The whole body, not yet in place: `place()` it or `discard()` it. */
  tempPath: string;
  size: number;
  /** Lower-case hex SHA-256 of the body. */
  checksum: string;
}

export const tooLarge = (maxBytes: number) =>
  new ApiError("payload_too_large", `The file exceeds the ${maxBytes} bytes this URL allows`);

/** Streams a body to a temporary file, hashing it; payload_too_large (and nothing kept) past `maxBytes`. */
export async function receive(body: WebReadableStream<Uint8Array> | null, maxBytes: number): Promise<Received> {
  const tempDir = path.join(root(), "tmp");
  await mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, newId());
  const hash = createHash("sha256");
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body) : Readable.from([]);
    await pipeline(source, counted, createWriteStream(tempPath, { mode: 0o600 }));
  } catch (error) {
    await discard(tempPath);
    throw error;
  }
  return { tempPath, size, checksum: hash.digest("hex") };
}

/** Moves a received body into place, replacing what was there (rename is atomic). */
export async function place(received: Received, finalPath: string): Promise<void> {
  await mkdir(path.dirname(finalPath), { recursive: true });
  await rename(received.tempPath, finalPath);
}

/** Removes a file or a directory of them; one already gone is no fault. */
export const discard = (target: string) => rm(target, { force: true, recursive: true });

/** A stored file's bytes and length, or null when it is not on disk. */
export async function openFile(filePath: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  try {
    const { size } = await stat(filePath);
    const stream = Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>;
    return { stream, size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
