import type { ProductView } from "@/lib/contracts/product";
import { Button } from "../ui/button";
import { ActionsHead, ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";

const COLUMNS = [
  ["Name", ""],
  ["Description", "hidden md:table-cell"],
  ["Created", "hidden sm:table-cell"],
] as const;

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
    <DataTable
      caption="Products"
      head={
        <>
          <ColumnHeads columns={COLUMNS} />
          <ActionsHead />
        </>
      }
    >
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
            <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
              <Time value={product.created} />
            </td>
            <td className="px-3 py-2 text-right">
              <Button look="secondary" aria-label={`Show ${product.name}`} onClick={() => onShow(product.id)}>
                Show
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
