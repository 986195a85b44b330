import { createGeneric, findGeneric, getGeneric, removeGeneric, updateGeneric } from "../contracts/generic";
import * as generic from "../services/device-items/generic";
import { implement } from "./implement";

export const genericController = [
  implement(findGeneric, (input, ctx) => generic.findItems(ctx, input)),
  implement(getGeneric, (input, ctx) => generic.getItem(ctx, input)),
  implement(createGeneric, (input, ctx) => generic.createItem(ctx, input)),
  implement(updateGeneric, (input, ctx) => generic.updateItem(ctx, input)),
  implement(removeGeneric, (input, ctx) => generic.removeGenericItem(ctx, input)),
];
