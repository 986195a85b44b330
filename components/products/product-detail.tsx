"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { productKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { getProduct } from "@/lib/contracts/product";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { TextField } from "../ui/field";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { Time } from "../ui/time";
import { DeviceSnippets } from "./device-snippets";
import { ProductDataSchema } from "./product-data-schema";
import { ProductFirmware } from "./product-firmware";
import { ProductUpdateReports } from "./product-update-reports";
import { RotateToken } from "./rotate-token";

// product/get: the token is read again each time (it lives in firmware, so the owner may see it at will).
export function ProductDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const api = useApi();
  const product = useQuery({ queryKey: productKeys.detail(id), queryFn: () => api.call(getProduct, { id }) });
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(product.data);

  // A keyboard user pressed "Show" in the table: take them to what it showed.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [id, loaded]);

  return (
    <section aria-label="Selected product" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      {product.isPending && <Loading what="the product" />}
      {product.isError && <ErrorNotice error={product.error} />}
      {product.data && (
        <div className="space-y-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold break-words focus:outline-none">
                {product.data.name}
              </h2>
              <p className="text-sm text-muted">
                {product.data.description || "No description"} · created <Time value={product.data.created} />
              </p>
            </div>
            <Button look="quiet" aria-label={`Close ${product.data.name}`} onClick={onClose}>
              Close
            </Button>
          </div>
          <div>
            <TextField
              label="Product token"
              value={product.data.token}
              readOnly
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
              hint="Baked into the firmware of every device of this product: keep it out of public repositories."
            />
            <div className="mt-2">
              {/* Keyed by the token: after a rotation the button must not still say "Copied". */}
              <CopyButton key={product.data.token} value={product.data.token} label="Copy token" />
            </div>
          </div>
          <DeviceSnippets token={product.data.token} />
          <ProductDataSchema product={product.data} />
          <ProductFirmware productId={product.data.id} />
          <ProductUpdateReports productId={product.data.id} />
          <RotateToken product={product.data} />
        </div>
      )}
    </section>
  );
}
