import { ApiDocsPage } from "@/components/api-docs/api-docs-page";

export const metadata = { title: "API" };

export default function ApiDocs() {
  return <ApiDocsPage />;
}
