import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata = {
  title: { default: "Fleetport", template: "%s · Fleetport" },
  description: "An open device cloud",
};
export const viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request: the Content-Security-Policy's nonce is new each time (proxy.ts),
// and Next can only put it on the scripts of a page it renders now.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-surface text-ink antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
