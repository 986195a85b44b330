"use client";
import { useEffect, useState } from "react";
import { formatTime, relativeTime } from "@/lib/time";

// Every <Time> on screen moves on with one shared clock, so "3 min ago" stays true while a page
// is left open.
const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

function onTick(listener: () => void): () => void {
  listeners.add(listener);
  ticker ??= setInterval(() => listeners.forEach((tick) => tick()), TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => onTick(() => setNow(Date.now())), []);
  return now;
}

/** A time as "3 min ago", exact on hover; `never` when there is none. */
export function Time({ value, never = "—" }: { value: string | null | undefined; never?: string }) {
  const now = useNow();
  if (!value) return <>{never}</>;
  return (
    // The server renders another "now" than the browser; the browser's text is the one meant.
    <time dateTime={value} title={formatTime(value)} suppressHydrationWarning>
      {relativeTime(value, now)}
    </time>
  );
}
