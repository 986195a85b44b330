import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Fleetport", description: "An open device cloud" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-surface text-ink antialiased">{children}</body>
    </html>
  );
}
