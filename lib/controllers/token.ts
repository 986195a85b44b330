import { createToken, findTokens, removeToken } from "../contracts/token";
import * as tokens from "../services/tokens";
import { implement } from "./implement";

export const tokenController = [
  // token/create — a CloudAPI token; its secret is shown once
  implement(createToken, (input, ctx) => tokens.createCloudToken(ctx, input)),
  // token/find — never the secrets
  implement(findTokens, (input, ctx) => tokens.findCloudTokens(ctx, input)),
  // token/remove — revoked at once
  implement(removeToken, (input, ctx) => tokens.removeCloudToken(ctx, input)),
];
