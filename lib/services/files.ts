import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { findFiles as findFilesContract, MAX_DEVICE_FILE_BYTES } from "../contracts/file";
import { db, transaction } from "../db/client";
import { findAccountDevice } from "../db/devices";
import {
  deleteStoredFile,
  findStoredFile,
  findStoredFileById,
  findStoredFilesPage,
  upsertStoredFile,
  type FileKey,
} from "../db/files";
import { filterWhere, textWhere } from "../db/list";
import { all } from "../db/where";
import { accessDenied, DEVICE_NOT_FOUND, notFound } from "../errors";
import { deviceFilePath, discard, openFile, place, receive } from "../files/disk";
import { expiresIn, signedUrl, type FileCommand, type FileGrant } from "../files/signed-url";
import { newId } from "../ids";
import type { CallContext } from "./context";
import { callingDevice, getDeviceOrThrow } from "./devices";

// Files devices store (decision 016): signed URLs for them, the transfers those URLs allow, and the
// portal's list. A StoredFile row names each file; its bytes live at a path built from IDs.

/** How long a URL for a device's file stays valid: long enough to start its transfer. */
export const DEVICE_URL_MINUTES = 15;
export const DEFAULT_MIME_TYPE = "application/octet-stream";

export type DeviceFileTarget = FileKey & { kind: "device" };

interface SignedUrlInput {
  id: string;
  command: FileCommand;
  filename: string;
  mimeType?: string;
  size?: number;
}

const FILE_NOT_FOUND = "Cannot find file";
const keyOf = (target: DeviceFileTarget): FileKey => ({
  accountId: target.accountId,
  deviceId: target.deviceId,
  filename: target.filename,
});

/** The device a caller may name: a device itself only; a person any device of the account. */
async function deviceOfCaller(ctx: CallContext, id: string, command: FileCommand): Promise<string> {
  if (ctx.principal?.kind === "device") return (await callingDevice(ctx, id)).id;
  if (command !== "get") throw accessDenied("People may only read a device's files: put and delete are the device's");
  return (await getDeviceOrThrow(ctx, id)).id;
}

function deviceFileUrl(target: DeviceFileTarget, command: FileCommand, mimeType: string, size: number): string {
  return signedUrl({ target, command, mimeType, size, expires: expiresIn(DEVICE_URL_MINUTES) });
}

// device/getSignedUrl and file/getSignedUrl
export async function signFileUrl(ctx: CallContext, input: SignedUrlInput): Promise<string> {
  const deviceId = await deviceOfCaller(ctx, input.id, input.command);
  const target: DeviceFileTarget = { kind: "device", accountId: ctx.accountId, deviceId, filename: input.filename };
  if (input.command === "get" && !(await findStoredFile(db(), keyOf(target)))) throw notFound(FILE_NOT_FOUND);
  return deviceFileUrl(target, input.command, input.mimeType ?? DEFAULT_MIME_TYPE, input.size ?? MAX_DEVICE_FILE_BYTES);
}

type FileRow = NonNullable<Awaited<ReturnType<typeof findStoredFile>>>;

function fileView(row: FileRow) {
  const target: DeviceFileTarget = {
    kind: "device",
    accountId: row.accountId,
    deviceId: row.deviceId,
    filename: row.filename,
  };
  return {
    ...row,
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
    url: deviceFileUrl(target, "get", row.mimeType, row.size),
  };
}

// file/find
export async function findFiles(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    filterWhere(input, findFilesContract.filters),
    textWhere(ctx.page?.text, findFilesContract.textFields),
  );
  const page = await findStoredFilesPage(db(), ctx.accountId, where, ctx.page!);
  return { ...page, items: page.items.map(fileView) };
}

// file/remove — the row and its bytes, the row first: a file without a row is never served.
export async function removeFile(ctx: CallContext, input: { id: string }) {
  const row = await findStoredFileById(db(), ctx.accountId, input.id);
  if (!row) throw notFound(FILE_NOT_FOUND);
  await deleteFile(row);
  return { id: row.id, removed: true as const };
}

async function deleteFile(row: FileRow): Promise<void> {
  await deleteStoredFile(db(), row.id);
  await discard(deviceFilePath(row.accountId, row.id));
}

// The transfers a signed URL allows (lib/http/file-route.ts checks the grant's signature, expiry
// and command first).

/** PUT: the body becomes the file, replacing one of the same name; its row says its type and size. */
export async function storeDeviceFile(
  grant: FileGrant & { target: DeviceFileTarget },
  body: WebReadableStream<Uint8Array> | null,
): Promise<{ id: string; size: number }> {
  const key = keyOf(grant.target);
  // A device released since its URL was signed stores nothing more in the account it left.
  if (!(await findAccountDevice(db(), key.accountId, key.deviceId))) throw notFound(DEVICE_NOT_FOUND);
  const received = await receive(body, grant.size);
  try {
    // The row and the file change together: on SQLite nothing else runs meanwhile, on PostgreSQL
    // the upsert's row lock holds a concurrent upload of the same name until this one commits.
    return await transaction(async (tx) => {
      const row = await upsertStoredFile(tx, newId(), key, { mimeType: grant.mimeType, size: received.size });
      await place(received, deviceFilePath(key.accountId, row.id));
      return { id: row.id, size: received.size };
    });
  } finally {
    await discard(received.tempPath);
  }
}

/** GET: the file's bytes with the type it was stored with, or null when there is none. */
export async function openDeviceFile(target: DeviceFileTarget) {
  const row = await findStoredFile(db(), keyOf(target));
  const file = row && (await openFile(deviceFilePath(row.accountId, row.id)));
  return row && file ? { ...file, mimeType: row.mimeType } : null;
}

/** DELETE: false when there was nothing to delete. */
export async function deleteDeviceFile(target: DeviceFileTarget): Promise<boolean> {
  const row = await findStoredFile(db(), keyOf(target));
  if (!row) return false;
  await deleteFile(row);
  return true;
}
