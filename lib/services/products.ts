import { dataSchemaProblems, type DataSchema } from "../contracts/data-schema";
import { findProducts as findProductsContract } from "../contracts/product";
import { recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { filterWhere, textWhere } from "../db/list";
import { all, equal } from "../db/where";
import {
  countProductDevices,
  deleteProductRow,
  findProduct,
  findProductsPage,
  insertProduct,
  updateProductRow,
} from "../db/products";
import { env } from "../env";
import { conflict, notFound, validationError } from "../errors";
import { discard, productImagesPath } from "../files/disk";
import { newId } from "../ids";
import { decrypt, encrypt, hashSecret, newSecret, secretPrefix } from "../security/secrets";
import { TOKEN_PREFIX } from "./authenticate";
import { auditEntry, type CallContext } from "./context";
import { parseStoredSchema, storedSchemaText } from "./device-items/models";

type ProductRow = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

function productView(row: ProductRow) {
  return { ...row, created: row.created.toISOString(), updated: row.updated.toISOString() };
}

const withToken = (row: ProductRow) => ({
  ...productView(row),
  token: decrypt(row.tokenEncrypted, env().encryptionKey),
});

/** A product token is baked into firmware: kept hashed for lookup and encrypted for the owner. */
function sealedToken() {
  const token = newSecret(TOKEN_PREFIX.product);
  return {
    tokenHash: hashSecret(token),
    tokenEncrypted: encrypt(token, env().encryptionKey),
    tokenPrefix: secretPrefix(token),
  };
}

async function getProductRow(ctx: CallContext, id: string) {
  const row = await findProduct(db(), ctx.accountId, id);
  if (!row) throw notFound("Cannot find product");
  return row;
}

export async function createProduct(ctx: CallContext, input: { name: string; description?: string }) {
  return transaction(async (tx) => {
    const row = await insertProduct(tx, {
      id: newId(),
      accountId: ctx.accountId,
      name: input.name,
      description: input.description ?? "",
      ...sealedToken(),
    });
    await recordAudit(tx, auditEntry(ctx, "product.create", `${row.id} ${row.name}`));
    return withToken(row);
  });
}

/** The stored data schema as the API shows it: null when none was set. */
const withSchema = <T>(view: T, row: ProductRow) => ({ ...view, dataSchema: parseStoredSchema(row.dataSchema) });

export const getProduct = async (ctx: CallContext, input: { id: string }) => {
  const row = await getProductRow(ctx, input.id);
  return withSchema(withToken(row), row);
};

export async function findProducts(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findProductsContract.filters),
    textWhere(ctx.page?.text, findProductsContract.textFields),
  );
  const page = await findProductsPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(productView) };
}

export async function updateProduct(
  ctx: CallContext,
  input: { id: string; name?: string; description?: string; dataSchema?: DataSchema | null },
) {
  const problems = input.dataSchema ? dataSchemaProblems(input.dataSchema) : [];
  if (problems.length)
    throw validationError(
      `Invalid data schema: ${problems.map((p) => `${p.path || "dataSchema"}: ${p.message}`).join("; ")}`,
      problems.map((p) => ({ name: p.path ? `dataSchema.${p.path}` : "dataSchema", message: p.message })),
    );
  const row = await getProductRow(ctx, input.id);
  const schema = input.dataSchema === undefined ? undefined : storedSchemaText(input.dataSchema);
  const updated = await updateProductRow(db(), row.id, {
    name: input.name,
    description: input.description,
    dataSchema: schema,
  });
  return withSchema(productView(updated), updated);
}

export async function removeProduct(ctx: CallContext, input: { id: string }) {
  const row = await getProductRow(ctx, input.id);
  const removed = await transaction(async (tx) => {
    if ((await countProductDevices(tx, row.id)) > 0)
      throw conflict("Devices have registered with this product: it cannot be removed");
    await deleteProductRow(tx, row.id);
    await recordAudit(tx, auditEntry(ctx, "product.remove", `${row.id} ${row.name}`));
    return { id: row.id, removed: true as const };
  });
  // Its releases went by cascade; their images go now (decision 016).
  await discard(productImagesPath(row.id));
  return removed;
}

// product/rotateToken — the old token stops registering devices at once.
export async function rotateProductToken(ctx: CallContext, input: { id: string }) {
  const row = await getProductRow(ctx, input.id);
  return transaction(async (tx) => {
    const updated = await updateProductRow(tx, row.id, sealedToken());
    await recordAudit(tx, auditEntry(ctx, "product.token_rotate", `${row.id} ${row.name}`));
    return withToken(updated);
  });
}
