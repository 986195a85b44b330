import { findAudit } from "../contracts/audit";
import * as accounts from "../services/accounts";
import { implement } from "./implement";

// audit/find — the account's security trail (admin)
export const auditController = [implement(findAudit, (input, ctx) => accounts.findAudit(ctx, input))];
