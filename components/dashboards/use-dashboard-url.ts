"use client";
import { useCallback } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { rangeFromParams, rangeToParams, type TimeRange } from "@/lib/charts/time-range";

/**
 * The view's state that a link carries: the range (`range`, or `from`/`to`) and the picked device
 * (`device`). Each change is a history entry, so Back undoes a zoom. The browser's own history
 * calls (which Next's router follows) change only the query string: no server round trip and no
 * re-rendered page head for what the page alone reads.
 */
export function useDashboardUrl(fallbackSeconds: number) {
  const params = useSearchParams();
  const pathname = usePathname();
  const href = (next: URLSearchParams) => (next.size ? `${pathname}?${next}` : pathname);
  const go = (next: URLSearchParams) => window.history.pushState(null, "", href(next));
  /** Names a device in place of none, without a history entry (Back should not return to an empty view). */
  const defaultDevice = useCallback(
    (device: string) => {
      const next = new URLSearchParams(params);
      next.set("device", device);
      window.history.replaceState(null, "", `${pathname}?${next}`);
    },
    [params, pathname],
  );
  return {
    range: rangeFromParams(params, fallbackSeconds),
    device: params.get("device") || null,
    /** The query string to keep when opening another dashboard. */
    search: params.toString(),
    setRange: (range: TimeRange) => go(rangeToParams(range, params)),
    setDevice: (device: string | null) => {
      const next = new URLSearchParams(params);
      if (device) next.set("device", device);
      else next.delete("device");
      go(next);
    },
    defaultDevice,
  };
}
