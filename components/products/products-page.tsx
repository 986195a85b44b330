"use client";
import { useRef, useState } from "react";
import { productKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findProducts } from "@/lib/contracts/product";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { CreateProductDialog } from "./create-product-dialog";
import { ProductDetail } from "./product-detail";
import { ProductTable } from "./product-table";

// Products belong to the deployment owner: the API refuses anyone else with 403, shown as is.
export function ProductsPage() {
  const isOwner = roleAllows(useCurrentRole(), ["owner"]);
  // Newest first: the product just made is at the top, however many came before it.
  const { list: products, setCursor } = usePagedList({
    keys: productKeys,
    contract: findProducts,
    input: {},
    query: { order: "DESC" },
  });
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  return (
    <>
      <PageHeader
        title="Products"
        description="Each product has a product token: devices built with it register with this cloud."
        actions={
          isOwner && (
            <Button ref={createButton} onClick={() => setCreating(true)}>
              Create product
            </Button>
          )
        }
      />
      <ListStates
        list={products}
        what="products"
        onPage={setCursor}
        empty={
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
            <h2 className="text-lg font-semibold">No products yet</h2>
            <p className="mx-auto mt-2 max-w-prose text-sm text-muted">
              Create a product to get the token its devices register with.
            </p>
          </div>
        }
      >
        {(rows) => <ProductTable products={rows} selected={selected} onShow={setSelected} />}
      </ListStates>
      {selected && <ProductDetail key={selected} id={selected} onClose={() => setSelected(null)} />}
      <CreateProductDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={setSelected}
        fallbackFocus={createButton}
      />
    </>
  );
}
