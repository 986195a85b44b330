import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  firmwareReports as firmwareReportsContract,
  findFirmware as findFirmwareContract,
  MAX_IMAGE_BYTES,
} from "../contracts/firmware";
import { db, transaction, type Queryable } from "../db/client";
import { findDevicesPage } from "../db/devices";
import {
  deleteRelease,
  findAccountRelease,
  findRelease,
  findReleasesPage,
  insertRelease,
  insertUpdateReport,
  latestReports,
  lockProduct,
  productExists,
  releaseVersions,
} from "../db/firmware";
import { filterWhere, textWhere } from "../db/list";
import { findAccountProductIds, findProduct } from "../db/products";
import { all } from "../db/where";
import { conflict, notFound } from "../errors";
import { discard, imagePath, openFile, place, receive } from "../files/disk";
import { expiresIn, signedUrl, type FileGrant } from "../files/signed-url";
import { compareVersions, newestAbove } from "../firmware/version";
import { newId } from "../ids";
import type { CallContext } from "./context";
import { callingDevice } from "./devices";

// Firmware releases per product, the update offered to a device, and its reports (decision 016).

/** The owner has an hour to start the image's upload. */
export const IMAGE_UPLOAD_MINUTES = 60;
/**
 * A device's download URL: a grant is checked when a transfer starts, so a slow download is never
 * cut; four hours is the agent's own download timeout, should it start late.
 */
export const IMAGE_DOWNLOAD_MINUTES = 240;
export const IMAGE_TYPE = "application/octet-stream";

export type ImageTarget = Extract<FileGrant["target"], { kind: "image" }>;

const PRODUCT_NOT_FOUND = "Cannot find product";

async function productOf(ctx: CallContext, id: string) {
  const product = await findProduct(db(), ctx.accountId, id);
  if (!product) throw notFound(PRODUCT_NOT_FOUND);
  return product;
}

/** 1.2 and 1.2.0 are one version: a product releases it once. */
async function refuseReleased(q: Queryable, productId: string, version: string): Promise<void> {
  const released = await releaseVersions(q, productId);
  const same = released.find((release) => compareVersions(release.version, version) === 0);
  if (same) throw conflict(`Version ${same.version} of this product is already released`);
}

// firmware/create — a signed URL for the image; the release exists once the image has arrived.
export async function createFirmware(
  ctx: CallContext,
  input: { productId: string; version: string; size?: number; filename?: string },
) {
  const product = await productOf(ctx, input.productId);
  await refuseReleased(db(), product.id, input.version);
  const expires = expiresIn(IMAGE_UPLOAD_MINUTES);
  const target: ImageTarget = {
    kind: "image",
    productId: product.id,
    version: input.version,
    filename: input.filename ?? `firmware-${input.version}.bin`,
  };
  const url = signedUrl({ target, command: "put", mimeType: IMAGE_TYPE, size: input.size ?? MAX_IMAGE_BYTES, expires });
  return { productId: product.id, version: input.version, url, expires: new Date(expires * 1000).toISOString() };
}

type ReleaseRow = Awaited<ReturnType<typeof insertRelease>>;
const releaseView = (row: ReleaseRow) => ({ ...row, created: row.created.toISOString() });

// firmware/find
export async function findFirmware(ctx: CallContext, input: Record<string, unknown>) {
  // Its list filters are typed as a record of any field. A product named must be the account's.
  const productIds =
    typeof input.productId === "string"
      ? [(await productOf(ctx, input.productId)).id]
      : await findAccountProductIds(db(), ctx.accountId);
  const where = all(
    filterWhere(input, findFirmwareContract.filters),
    textWhere(ctx.page?.text, findFirmwareContract.textFields),
  );
  const page = await findReleasesPage(db(), productIds, where, ctx.page!);
  return { ...page, items: page.items.map(releaseView) };
}

// firmware/remove — the row first, so no device is offered an image being removed.
export async function removeFirmware(ctx: CallContext, input: { id: string }) {
  const release = await findAccountRelease(db(), ctx.accountId, input.id);
  if (!release) throw notFound("Cannot find firmware release");
  await deleteRelease(db(), release.id);
  await discard(imagePath(release.productId, release.id));
  return { id: release.id, removed: true as const };
}

/** PUT of an image: the release is made with the checksum of what arrived. */
export async function storeImage(
  grant: FileGrant & { target: ImageTarget },
  body: WebReadableStream<Uint8Array> | null,
) {
  const { productId, version, filename } = grant.target;
  if (!(await productExists(db(), productId))) throw notFound(PRODUCT_NOT_FOUND);
  const received = await receive(body, grant.size);
  const id = newId();
  try {
    return await transaction(async (tx) => {
      if (!(await lockProduct(tx, productId))) throw notFound(PRODUCT_NOT_FOUND);
      await refuseReleased(tx, productId, version);
      await place(received, imagePath(productId, id));
      const { checksum, size } = received;
      return releaseView(await insertRelease(tx, { id, productId, version, checksum, size, filename }));
    });
  } catch (error) {
    await discard(imagePath(productId, id));
    throw error;
  } finally {
    await discard(received.tempPath);
  }
}

/** GET of an image, or null when the release is gone. */
export async function openImage(target: ImageTarget) {
  const release = await findRelease(db(), target.productId, target.version);
  const file = release && (await openFile(imagePath(target.productId, release.id)));
  return file ? { ...file, mimeType: IMAGE_TYPE } : null;
}

/** What the agent reads as "no pending updates": an answer without `url`. */
const NO_UPDATE: Record<string, never> = {};

// provision/update — the newest release of the device's product above the version it runs.
export async function offerUpdate(ctx: CallContext, input: { id: string; version: string }) {
  const device = await callingDevice(ctx, input.id);
  const newest = newestAbove(input.version, await releaseVersions(db(), device.productId));
  if (!newest) return NO_UPDATE;
  const target: ImageTarget = {
    kind: "image",
    productId: device.productId,
    version: newest.version,
    filename: newest.filename,
  };
  const expires = expiresIn(IMAGE_DOWNLOAD_MINUTES);
  const url = signedUrl({ target, command: "get", mimeType: IMAGE_TYPE, size: newest.size, expires });
  return { update: newest.version, version: newest.version, url, checksum: newest.checksum };
}

// provision/updateReport
export async function reportUpdate(ctx: CallContext, input: { id: string; update: string; success: boolean }) {
  const device = await callingDevice(ctx, input.id);
  const row = await insertUpdateReport(db(), {
    id: newId(),
    accountId: ctx.accountId,
    deviceId: device.id,
    version: input.update,
    success: input.success,
  });
  return { id: row.id, version: row.version, success: row.success };
}

// firmware/reports — a page of the account's devices, each with its latest report.
export async function firmwareReports(ctx: CallContext, input: Record<string, unknown>) {
  const filters = all(
    filterWhere(input, firmwareReportsContract.filters),
    textWhere(ctx.page?.text, firmwareReportsContract.textFields),
  );
  const page = await findDevicesPage(db(), ctx.accountId, filters, ctx.page!);
  const reports = await latestReports(
    db(),
    ctx.accountId,
    page.items.map((device) => device.id),
  );
  const byDevice = new Map(reports.map((report) => [report.deviceId, report]));
  return {
    ...page,
    items: page.items.map((device) => {
      const report = byDevice.get(device.id);
      return {
        deviceId: device.id,
        name: device.name,
        productId: device.productId,
        report: report
          ? { version: report.version, success: report.success, created: report.created.toISOString() }
          : null,
      };
    }),
  };
}
