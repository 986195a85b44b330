import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

export function findProductByTokenHash(q: Queryable, tokenHash: string) {
  return q.product.findUnique({ where: { tokenHash } });
}

export function findProduct(q: Queryable, accountId: string, id: string) {
  return q.product.findFirst({ where: { id, accountId } });
}

export function insertProduct(
  q: Queryable,
  data: {
    id: string;
    accountId: string;
    name: string;
    description: string;
    tokenHash: string;
    tokenEncrypted: string;
    tokenPrefix: string;
  },
) {
  return q.product.create({ data });
}

export function updateProductRow(
  q: Queryable,
  id: string,
  data: {
    name?: string;
    description?: string;
    tokenHash?: string;
    tokenEncrypted?: string;
    tokenPrefix?: string;
    dataSchema?: string;
  },
) {
  return q.product.update({ where: { id }, data });
}

/** A device's product's data schema (JSON text, "" when none): products belong to the owner's account. */
export async function findProductDataSchema(q: Queryable, productId: string): Promise<string> {
  const row = await q.product.findUnique({ where: { id: productId }, select: { dataSchema: true } });
  return row?.dataSchema ?? "";
}

export function deleteProductRow(q: Queryable, id: string) {
  return q.product.delete({ where: { id } });
}

export function countProductDevices(q: Queryable, productId: string) {
  return q.device.count({ where: { productId } });
}

export function findProductsPage(q: Queryable, where: Where, page: PageRequest) {
  return listPage(
    page,
    where,
    prismaList(
      (args) => q.product.findMany(args),
      (args) => q.product.count(args),
    ),
  );
}

/** The IDs of every product of the account. */
export async function findAccountProductIds(q: Queryable, accountId: string): Promise<string[]> {
  const rows = await q.product.findMany({ where: { accountId }, select: { id: true } });
  return rows.map((row) => row.id);
}
