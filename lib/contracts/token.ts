import { z } from "zod";
import { idField, nameField, timestamp } from "./common";
import { userRole } from "./user";
import { ACCOUNT_ROLES, defineList, defineVerb } from "./verb";

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role: userRole,
  prefix: z.string(),
  expires: timestamp.nullable(),
  lastUsed: timestamp.nullable(),
  created: timestamp,
});
export type TokenView = z.infer<typeof tokenView>;

// token/create — a CloudAPI token; the secret is in this answer and nowhere else, ever
export const createToken = defineVerb({
  controller: "token",
  verb: "create",
  summary: "Create a CloudAPI token (the secret is shown once)",
  allow: ["admin"],
  input: {
    name: nameField,
    role: userRole,
    expires: z.iso.datetime({ offset: true }).optional(),
  },
  output: tokenView.extend({ token: z.string() }),
});

export const findTokens = defineList({
  controller: "token",
  verb: "find",
  summary: "List the account's CloudAPI tokens (never their secrets)",
  allow: ["admin"],
  item: tokenView,
  filters: { id: "string", name: "string", role: ACCOUNT_ROLES, created: "date" },
  textFields: ["name", "prefix"],
  sortable: { name: "string" },
});

export const removeToken = defineVerb({
  controller: "token",
  verb: "remove",
  summary: "Revoke a CloudAPI token at once",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});
