import { isAccountRole, roleRank } from "../contracts/verb";
import { db } from "../db/client";
import { findProductByTokenHash } from "../db/products";
import { findTokenByHash, touchToken } from "../db/tokens";
import { env } from "../env";
import { invalidToken } from "../errors";
import { hashSecret } from "../security/secrets";
import type { Principal } from "./context";
import { recordDeviceContact } from "./device-contact";

export const TOKEN_PREFIX = { login: "fpl_", cloud: "fpc_", device: "fpd_", product: "fpp_" } as const;
// Sliding expiry and "last used" are written at most this often per token (docs/architecture.md#secrets-and-hashing).
const TOUCH_INTERVAL_MS = 60_000;

/** Resolves a bearer secret to its principal, or throws invalid_token. */
export async function authenticate(secret: string, now = new Date()): Promise<Principal> {
  const hash = hashSecret(secret);
  if (secret.startsWith(TOKEN_PREFIX.product)) {
    const product = await findProductByTokenHash(db(), hash);
    if (!product) throw invalidToken();
    return { kind: "product", productId: product.id, accountId: product.accountId, label: product.name };
  }
  const token = await findTokenByHash(db(), hash);
  if (!token || token.revoked || (token.expires && token.expires <= now)) throw invalidToken();
  if (!token.lastUsed || now.getTime() - token.lastUsed.getTime() > TOUCH_INTERVAL_MS) {
    const expires = token.kind === "login" ? new Date(now.getTime() + env().sessionIdleMs) : undefined;
    await touchToken(db(), token.id, now, expires);
  }
  if (token.kind === "device" && token.deviceId) {
    await recordDeviceContact(token.deviceId, now);
    return {
      kind: "device",
      tokenId: token.id,
      deviceId: token.deviceId,
      accountId: token.accountId,
      label: token.deviceId,
    };
  }
  if (token.kind === "login" && token.user && token.userId && token.origin && isAccountRole(token.user.role)) {
    return {
      kind: "user",
      tokenId: token.id,
      userId: token.userId,
      accountId: token.accountId,
      role: token.user.role,
      label: token.user.email,
      origin: token.origin,
    };
  }
  if (token.kind === "cloud" && isAccountRole(token.role)) {
    // A CloudAPI token never outranks the person who made it, even after a demotion.
    const role =
      token.user && isAccountRole(token.user.role) && roleRank(token.user.role) < roleRank(token.role)
        ? token.user.role
        : token.role;
    return {
      kind: "token",
      tokenId: token.id,
      userId: token.userId,
      accountId: token.accountId,
      role,
      label: token.name,
    };
  }
  throw invalidToken();
}
