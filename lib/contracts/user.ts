import { z } from "zod";
import { emailField, idField, passwordField, timestamp, trimmedText } from "./common";
import { ACCOUNT_ROLES, defineList, defineVerb } from "./verb";

export const userRole = z.enum(ACCOUNT_ROLES);

export const userView = z.object({
  id: z.string(),
  accountId: z.string(),
  email: z.string(),
  role: userRole,
  first: z.string(),
  last: z.string(),
  preferences: z.record(z.string(), z.unknown()),
  status: z.enum(["invited", "active"]),
  lastLogin: timestamp.nullable(),
  created: timestamp,
  updated: timestamp,
});
export type UserView = z.infer<typeof userView>;

/** What a sign-in answers: a login access token bound to the request's Origin. */
export const loginSession = z.object({ token: z.string(), expires: timestamp, user: userView });

// POST /api/auth — the scripts' login (IoTRoutes style); not a controller verb
export const authLogin = defineVerb({
  controller: "auth",
  verb: "login",
  summary: "Sign in with email and password; answers a login access token bound to the Origin",
  allow: ["public"],
  input: { email: emailField, password: z.string().min(1, "Required").max(256) },
  output: loginSession,
});

// user/create — invite a person into the account (admin)
export const createUser = defineVerb({
  controller: "user",
  verb: "create",
  summary: "Invite a user; answers the user and a one-time invite link",
  allow: ["admin"],
  input: { email: emailField, role: userRole },
  output: z.object({ user: userView, invite: z.string(), inviteExpires: timestamp }),
});

// user/login — accept an invite by choosing a password (public)
export const acceptInvite = defineVerb({
  controller: "user",
  verb: "login",
  summary: "Accept an invite: set a password and sign in",
  allow: ["public"],
  input: { invite: trimmedText(200), password: passwordField },
  output: loginSession,
});

// user/logout — revoke the calling login access token at once
export const logout = defineVerb({
  controller: "user",
  verb: "logout",
  summary: "Sign out: the calling login access token dies at once",
  allow: ["viewer"],
  input: {},
  output: z.object({ loggedOut: z.literal(true) }),
});

export const findUsers = defineList({
  controller: "user",
  verb: "find",
  summary: "List the account's users",
  allow: ["viewer"],
  item: userView,
  filters: { id: "string", email: "string", role: ACCOUNT_ROLES, status: ["invited", "active"], created: "date" },
  textFields: ["email", "first", "last"],
  sortable: { email: "string", role: "string" },
});

export const getUser = defineVerb({
  controller: "user",
  verb: "get",
  summary: "Get a user of the account",
  allow: ["viewer"],
  input: { id: idField },
  output: userView,
});

// user/update — names and preferences: one's own, or anyone's for an admin
export const updateUser = defineVerb({
  controller: "user",
  verb: "update",
  summary: "Update a user's names and preferences",
  allow: ["viewer"],
  input: {
    id: idField,
    first: trimmedText(100, { required: false }).optional(),
    last: trimmedText(100, { required: false }).optional(),
    preferences: z
      .record(z.string().max(100), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 16_384, "At most 16 KiB")
      .optional(),
  },
  output: userView,
});

export const updateUserRole = defineVerb({
  controller: "user",
  verb: "updateRole",
  summary: "Change a user's role (admin; never above your own)",
  allow: ["admin"],
  input: { id: idField, role: userRole },
  output: userView,
});

export const removeUser = defineVerb({
  controller: "user",
  verb: "remove",
  summary: "Remove a user; their tokens die at once",
  allow: ["admin"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});

export const changePassword = defineVerb({
  controller: "user",
  verb: "changePassword",
  summary: "Change your password; your other sessions end",
  allow: ["viewer"],
  input: { password: z.string().min(1, "Required").max(256), newPassword: passwordField },
  output: z.object({ changed: z.literal(true) }),
});
