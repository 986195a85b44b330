import { ProductsPage } from "@/components/products/products-page";

export const metadata = { title: "Products" };

export default function Products() {
  return <ProductsPage />;
}
