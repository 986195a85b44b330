"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiClientError } from "@/lib/api/client";
import { SessionBoundary } from "@/lib/session/client";

// A refused request (4xx) is an answer, not a hiccup: only network and server errors are retried.
const retry = (count: number, error: unknown) =>
  count < 2 && !(error instanceof ApiClientError && error.status >= 400 && error.status < 500);

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry, staleTime: 5_000 } } }));
  return (
    <SessionBoundary>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </SessionBoundary>
  );
}
