"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { DEVICE_RANGES, deviceRange, isPreset, searchForPreset } from "./metric-range";

/** The charts' range as links: the URL holds it, so a copied link shows the same view. */
export function RangePicker() {
  const params = useSearchParams();
  const range = deviceRange(params);
  return (
    <nav aria-label="Chart range" className="flex rounded-md border border-slate-300 bg-white text-sm">
      {DEVICE_RANGES.map((preset) => {
        const active = isPreset(range, preset);
        return (
          <Link
            key={preset.key}
            href={searchForPreset(params, preset)}
            replace
            scroll={false}
            aria-current={active ? "true" : undefined}
            title={preset.label}
            className={`inline-flex min-h-10 items-center px-3 first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${
              active ? "bg-brand text-white" : "text-ink hover:bg-slate-50"
            }`}
          >
            {preset.short}
          </Link>
        );
      })}
    </nav>
  );
}
