"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatValue } from "@/lib/charts/format";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useDebounced } from "@/lib/api/use-debounced";
import { previewAction, type ActionView } from "@/lib/contracts/action";
import { ErrorNotice } from "../ui/notice";
import { Section } from "../ui/section";
import { Time } from "../ui/time";

const DAYS = 7;
/** The preview asks once the form has been still this long, not on every key. */
const SETTLE_MS = 600;
const LISTED = 20;

type PreviewSettings = Pick<
  ActionView,
  "namespace" | "metric" | "dimensions" | "statistic" | "period" | "expression" | "clear" | "hold" | "rearm"
>;

const times = (n: number) => `${n} ${n === 1 ? "time" : "times"}`;

/**
 * Which series a firing was, for people: its dimensions ("Device=A1B2C3") out of the series key
 * `namespace|metric|{dimensions}` the preview answers; the metric is the form's already.
 */
export function firingSeries(subject: string): string {
  const dimensions = subject.slice(subject.indexOf("|", subject.indexOf("|") + 1) + 1);
  try {
    const set = Object.entries(JSON.parse(dimensions) as Record<string, unknown>);
    return set.length ? set.map(([name, value]) => `${name}=${String(value)}`).join(", ") : "the account-wide series";
  } catch {
    return subject;
  }
}

/**
 * How often a metric action would have fired over the last 7 days of data (action/preview), asked
 * again whenever the settings settle; `ready` is false while they cannot be asked about yet.
 */
export function ActionPreview({ settings, ready }: { settings: PreviewSettings; ready: boolean }) {
  const api = useApi();
  const { namespace, metric, dimensions, statistic, period, expression, clear, hold, rearm } = settings;
  const input = { namespace, metric, dimensions, statistic, period, expression, clear, hold, rearm, days: DAYS };
  // Settled together: a preview is never asked with settings from before they became ready.
  const settled = useDebounced({ input, ready }, SETTLE_MS);
  const preview = useQuery({
    queryKey: actionKeys.preview(settled.input),
    queryFn: () => api.call(previewAction, settled.input),
    enabled: ready && settled.ready,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const answer = preview.data;
  return (
    <Section title="Preview" description={`How often it would have fired over the last ${DAYS} days of data.`}>
      <div aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {!ready ? (
          <p className="text-muted">Choose a metric and a condition to see how often it would have fired.</p>
        ) : preview.isError ? (
          <ErrorNotice error={preview.error} />
        ) : !answer ? (
          <p className="text-muted">Reading the last {DAYS} days…</p>
        ) : (
          <>
            <p className={preview.isFetching ? "text-muted" : ""}>
              Would have fired <strong>{times(answer.firings)}</strong> in the last {DAYS} days
              <span className="text-muted">
                {" "}
                ({answer.series} series, {answer.samples} values checked)
              </span>
            </p>
            {answer.times.length > 0 && (
              <ol className="mt-2 max-h-64 space-y-1 overflow-auto">
                {answer.times
                  .slice(-LISTED)
                  .reverse()
                  .map((firing) => (
                    <li key={`${firing.subject}-${firing.timestamp}`} className="flex flex-wrap gap-x-3">
                      <Time value={new Date(firing.timestamp).toISOString()} />
                      <span className="tabular-nums">value {formatValue(firing.value, "")}</span>
                      {firing.subject && <span className="text-muted">{firingSeries(firing.subject)}</span>}
                    </li>
                  ))}
              </ol>
            )}
          </>
        )}
      </div>
    </Section>
  );
}
