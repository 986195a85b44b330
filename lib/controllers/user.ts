import {
  acceptInvite,
  authLogin,
  changePassword,
  createUser,
  findUsers,
  getUser,
  logout,
  removeUser,
  updateUser,
  updateUserRole,
} from "../contracts/user";
import * as identity from "../services/identity";
import * as users from "../services/users";
import { implement } from "./implement";

// POST /api/auth — routed by its own adapter, not under /api/<controller>/<verb>
export const authLoginVerb = implement(authLogin, (input, ctx) => identity.login(ctx, input));

export const userController = [
  // user/create — invite by a one-time link (admin)
  implement(createUser, (input, ctx) => users.inviteUser(ctx, input)),
  // user/login — accept an invite (public)
  implement(acceptInvite, (input, ctx) => users.acceptInvite(ctx, input)),
  // user/logout — the calling login access token dies at once
  implement(logout, (_input, ctx) => identity.logout(ctx)),
  implement(findUsers, (input, ctx) => users.findUsers(ctx, input)),
  implement(getUser, (input, ctx) => users.getUser(ctx, input)),
  implement(updateUser, (input, ctx) => users.updateUser(ctx, input)),
  implement(updateUserRole, (input, ctx) => users.updateUserRole(ctx, input)),
  // user/remove — their tokens die with them (admin)
  implement(removeUser, (input, ctx) => users.removeUser(ctx, input)),
  implement(changePassword, (input, ctx) => users.changePassword(ctx, input)),
];
