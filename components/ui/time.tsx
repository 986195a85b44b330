"use client";
import { useEffect, useState } from "react";
import { formatTime, relativeTime } from "@/lib/time";

// Every <Time> on screen moves on with a clock shared by all that tick as often, so "3 min ago"
// stays true while a page is left open. Most ages move on every 15 s; a live reading's age
// ("12 s ago") ticks every second.
const TICK_MS = 15_000;
const clocks = new Map<number, { listeners: Set<() => void>; timer: ReturnType<typeof setInterval> }>();

function onTick(everyMs: number, listener: () => void): () => void {
  let clock = clocks.get(everyMs);
  if (!clock) {
    const listeners = new Set<() => void>();
    clock = { listeners, timer: setInterval(() => listeners.forEach((tick) => tick()), everyMs) };
    clocks.set(everyMs, clock);
  }
  clock.listeners.add(listener);
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0) {
      clearInterval(clock.timer);
      clocks.delete(everyMs);
    }
  };
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => onTick(everyMs, () => setNow(Date.now())), [everyMs]);
  return now;
}

/** A time as "3 min ago", exact on hover; `never` when there is none. `everyMs`: how often the text moves on. */
export function Time({
  value,
  never = "—",
  everyMs = TICK_MS,
}: {
  value: string | null | undefined;
  never?: string;
  everyMs?: number;
}) {
  const now = useNow(everyMs);
  if (!value) return <>{never}</>;
  return (
    // The server renders another "now" than the browser; the browser's text is the one meant.
    <time dateTime={value} title={formatTime(value)} suppressHydrationWarning>
      {relativeTime(value, now)}
    </time>
  );
}
