import type { AccountRole } from "../contracts/verb";

/** What the portal knows of a signed-in user: the login access token and who it belongs to. */
export interface PortalSession {
  accessToken: string;
  user: { id: string; email: string; name: string; accountId: string; role: AccountRole };
}
