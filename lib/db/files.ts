import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import { all, equal, type Where } from "./where";

// StoredFile rows: one per file a device stored, by (account, device, filename) (decision 016).

export interface FileKey {
  accountId: string;
  deviceId: string;
  filename: string;
}

export const findStoredFile = (q: Queryable, key: FileKey) =>
  q.storedFile.findUnique({ where: { accountId_deviceId_filename: key } });

export const findStoredFileById = (q: Queryable, accountId: string, id: string) =>
  q.storedFile.findFirst({ where: { id, accountId } });

/** The row of a file being stored: a new one, or the existing one (its ID, so its path, kept) updated. */
export const upsertStoredFile = (q: Queryable, id: string, key: FileKey, data: { mimeType: string; size: number }) =>
  q.storedFile.upsert({
    where: { accountId_deviceId_filename: key },
    create: { id, ...key, ...data },
    update: data,
  });

export const deleteStoredFile = (q: Queryable, id: string) => q.storedFile.deleteMany({ where: { id } });

export function findStoredFilesPage(q: Queryable, accountId: string, filters: Where, page: PageRequest) {
  return listPage(
    page,
    all(equal({ accountId }), filters),
    prismaList(
      (args) => q.storedFile.findMany(args),
      (args) => q.storedFile.count(args),
    ),
  );
}
