import { authLogin, logout } from "../contracts/user";
import * as identity from "../services/identity";
import { implement } from "./implement";

// POST /api/auth — routed by its own adapter, not under /api/<controller>/<verb>
export const authLoginVerb = implement(authLogin, (input, ctx) => identity.login(ctx, input));

export const userController = [
  // user/logout — the calling login access token dies at once
  implement(logout, (_input, ctx) => identity.logout(ctx)),
];
