"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ListQuery } from "@/lib/api/client";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findProducts } from "@/lib/contracts/product";
import { roleAllows } from "@/lib/contracts/verb";
import { usePortalSession } from "@/lib/session/client";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";
import { CreateProductDialog } from "./create-product-dialog";
import { ProductDetail } from "./product-detail";
import { ProductTable } from "./product-table";

// Products belong to the deployment owner: the API refuses anyone else with 403, shown as is.
export function ProductsPage() {
  const api = useApi();
  const isOwner = roleAllows(usePortalSession()?.user.role ?? "viewer", ["owner"]);
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  const query: ListQuery = { limit: 25, ...cursor };
  const products = useQuery({
    queryKey: productKeys.list({}, query),
    queryFn: () => api.list(findProducts, {}, query),
    placeholderData: keepPreviousData,
  });
  const rows = products.data?.data;

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
      {products.isPending && <Loading what="products" />}
      {products.isError && <ErrorNotice error={products.error} />}
      {rows && rows.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No products yet</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">
            Create a product to get the token its devices register with.
          </p>
        </div>
      )}
      {rows && rows.length > 0 && <ProductTable products={rows} selected={selected} onShow={setSelected} />}
      {products.data && <Pager page={products.data} onPage={setCursor} />}
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
