import type { z } from "zod";
import type { productView } from "@/lib/contracts/product";
import { formatTime } from "../devices/format";
import { Button } from "../ui/button";

type ProductView = z.infer<typeof productView>;

/** One page of products; "Show" opens the product's token and device set-up below the table. */
export function ProductTable({
  products,
  selected,
  onShow,
}: {
  products: ProductView[];
  selected: string | null;
  onShow: (id: string) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Products</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Name
            </th>
            <th scope="col" className="hidden px-3 py-2 text-left font-medium md:table-cell">
              Description
            </th>
            <th scope="col" className="hidden px-3 py-2 text-left font-medium sm:table-cell">
              Created
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr
              key={product.id}
              data-selected={product.id === selected || undefined}
              className="border-t border-slate-200 data-[selected]:bg-blue-50"
            >
              <td className="px-3 py-2 font-medium">{product.name}</td>
              <td className="hidden px-3 py-2 md:table-cell">
                {product.description || <span className="text-muted">—</span>}
              </td>
              <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{formatTime(product.created)}</td>
              <td className="px-3 py-2 text-right">
                <Button look="secondary" aria-label={`Show ${product.name}`} onClick={() => onShow(product.id)}>
                  Show
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
