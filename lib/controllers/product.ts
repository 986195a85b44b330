import {
  createProduct,
  findProducts,
  getProduct,
  removeProduct,
  rotateProductToken,
  updateProduct,
} from "../contracts/product";
import * as products from "../services/products";
import { implement } from "./implement";

// The Builder's part: products and the tokens devices register with (owner).
export const productController = [
  implement(createProduct, (input, ctx) => products.createProduct(ctx, input)),
  implement(findProducts, (input, ctx) => products.findProducts(ctx, input)),
  implement(getProduct, (input, ctx) => products.getProduct(ctx, input)),
  implement(updateProduct, (input, ctx) => products.updateProduct(ctx, input)),
  implement(removeProduct, (input, ctx) => products.removeProduct(ctx, input)),
  implement(rotateProductToken, (input, ctx) => products.rotateProductToken(ctx, input)),
];
