import { closeAccount, createAccount, findAccounts, getAccount, updateAccount } from "../contracts/account";
import * as accounts from "../services/accounts";
import { signUp } from "../services/identity";
import { implement } from "./implement";

export const accountController = [
  // account/create — sign up (public while SIGNUP=open; the owner always)
  implement(createAccount, (input, ctx) => signUp(ctx, input)),
  // account/get — the caller's account (the owner may name any)
  implement(getAccount, (input, ctx) => accounts.getAccount(ctx, input)),
  // account/update — rename; device limits are the owner's
  implement(updateAccount, (input, ctx) => accounts.updateAccount(ctx, input)),
  // account/close — irreversible; never the deployment owner's account
  implement(closeAccount, (input, ctx) => accounts.closeAccount(ctx, input)),
  // account/find — every account (owner)
  implement(findAccounts, (input, ctx) => accounts.findAccounts(ctx, input)),
];
