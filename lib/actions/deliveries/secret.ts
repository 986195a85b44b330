import { env } from "../../env";
import { decrypt, encrypt, newSecret } from "../../security/secrets";

// An action's signing secret (decision 019): shown to its admin once, at create and rotation, and
// kept AES-256-GCM encrypted under ENCRYPTION_KEY, since signing needs it in clear again. Only the
// code that signs a webhook or verifies an inbound one opens it; it is never logged.

export const ACTION_SECRET_PREFIX = "fpw_";

export function newActionSecret(): { secret: string; sealed: string } {
  const secret = newSecret(ACTION_SECRET_PREFIX);
  return { secret, sealed: encrypt(secret, env().encryptionKey) };
}

export const openActionSecret = (sealed: string): string => decrypt(sealed, env().encryptionKey);
