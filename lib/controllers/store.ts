import { findStore, getStore, removeStore, setStore } from "../contracts/store";
import * as store from "../services/device-items/store";
import { implement } from "./implement";

export const storeController = [
  implement(getStore, (input, ctx) => store.getStoreValue(ctx, input)),
  implement(setStore, (input, ctx) => store.setStoreValue(ctx, input)),
  implement(findStore, (input, ctx) => store.findStoreValues(ctx, input)),
  implement(removeStore, (input, ctx) => store.removeStoreValue(ctx, input)),
];
