import { z } from "zod";
import { emailField, idField, nameField, passwordField, timestamp } from "./common";
import { userView } from "./user";
import { defineList, defineVerb } from "./verb";

export const accountView = z.object({
  id: z.string(),
  name: z.string(),
  deviceLimit: z.number().int().nullable(),
  created: timestamp,
  updated: timestamp,
});
export type AccountView = z.infer<typeof accountView>;

// account/create — sign up: a new account and its first user (public while SIGNUP is open)
export const createAccount = defineVerb({
  controller: "account",
  verb: "create",
  summary: "Create an account and its first user (sign-up)",
  allow: ["public"],
  input: { name: nameField, email: emailField, password: passwordField },
  output: z.object({ account: accountView, user: userView }),
});

// account/get — the caller's account, or any account for the owner
export const getAccount = defineVerb({
  controller: "account",
  verb: "get",
  summary: "Get an account",
  allow: ["viewer"],
  input: { id: idField.optional() },
  output: accountView,
});

// account/update — rename; the owner may also set the device limit (null: unlimited)
export const updateAccount = defineVerb({
  controller: "account",
  verb: "update",
  summary: "Update an account's name or (owner) device limit",
  allow: ["admin"],
  input: {
    id: idField.optional(),
    name: nameField.optional(),
    deviceLimit: z.number().int().min(0).max(10_000_000).nullable().optional(),
  },
  output: accountView,
});

// account/close — remove an account with its users, tokens and claims, irreversibly
export const closeAccount = defineVerb({
  controller: "account",
  verb: "close",
  summary: "Close an account: its users and tokens are removed and its devices released",
  allow: ["admin"],
  input: { id: idField.optional() },
  output: z.object({ id: z.string(), closed: z.literal(true) }),
});

// account/find — every account on the deployment (owner)
export const findAccounts = defineList({
  controller: "account",
  verb: "find",
  summary: "List the deployment's accounts",
  allow: ["owner"],
  item: accountView,
  filters: { id: "string", name: "string", created: "date" },
  textFields: ["name"],
});
