import { z } from "zod";
import { descriptionField, idField, nameField, timestamp } from "./common";
import { dataSchema } from "./data-schema";
import { defineList, defineVerb } from "./verb";

export const productView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tokenPrefix: z.string(),
  created: timestamp,
  updated: timestamp,
});
export type ProductView = z.infer<typeof productView>;
/** The owner reads the product token again at will: it is baked into firmware. */
export const productWithToken = productView.extend({ token: z.string() });
export type ProductWithToken = z.infer<typeof productWithToken>;
/** A product as its own page shows it: with its token and its device data schema (null: none). */
export const productDetail = productWithToken.extend({ dataSchema: dataSchema.nullable() });
export type ProductDetail = z.infer<typeof productDetail>;

export const createProduct = defineVerb({
  controller: "product",
  verb: "create",
  summary: "Create a product; answers its product token, which devices register with",
  allow: ["owner"],
  input: { name: nameField, description: descriptionField.optional() },
  output: productWithToken,
});

export const findProducts = defineList({
  controller: "product",
  verb: "find",
  summary: "List products",
  allow: ["owner"],
  item: productView,
  filters: { id: "string", name: "string", created: "date" },
  textFields: ["name", "description"],
  sortable: { name: "string" },
});

export const getProduct = defineVerb({
  controller: "product",
  verb: "get",
  summary: "Get a product with its product token and device data schema",
  allow: ["owner"],
  input: { id: idField },
  output: productDetail,
});

export const updateProduct = defineVerb({
  controller: "product",
  verb: "update",
  summary: "Rename or describe a product, or set its device data schema",
  allow: ["owner"],
  input: {
    id: idField,
    name: nameField.optional(),
    description: descriptionField.optional(),
    dataSchema: dataSchema
      .nullable()
      .optional()
      .describe("The device data schema ({process, models}, as the agent's schema files); null removes it")
      .meta({
        "x-server-judged":
          "at most 64 KiB as JSON, 50 models of 100 fields; each model named by an sk template of its own fields or an id field; process names only models",
      }),
  },
  output: productView.extend({ dataSchema: dataSchema.nullable() }),
});

export const removeProduct = defineVerb({
  controller: "product",
  verb: "remove",
  summary: "Remove a product that no device has registered with",
  allow: ["owner"],
  input: { id: idField },
  output: z.object({ id: z.string(), removed: z.literal(true) }),
});

// product/rotateToken (+) — a new product token; the old one stops working at once
export const rotateProductToken = defineVerb({
  controller: "product",
  verb: "rotateToken",
  summary: "Replace the product token; devices must be given the new one",
  allow: ["owner"],
  input: { id: idField },
  output: productWithToken,
});
