import { TokensPage } from "@/components/tokens/tokens-page";

export const metadata = { title: "Tokens" };

export default function Tokens() {
  return <TokensPage />;
}
