import { parseCondition } from "../../actions/condition";
import { METRIC_VARIABLES, episodeConditions, rulesOf, type EpisodeConditions } from "../../actions/episode";
import { replaySeries } from "../../actions/replay";
import { dimensionsMatch } from "../../actions/series-match";
import type { previewAction as previewContract } from "../../contracts/action";
import type { DimensionSet } from "../../contracts/metric";
import type { InputOf } from "../../contracts/verb";
import { findSeriesOfMetric, readRollups } from "../../db/metrics/read";
import { validationError, type FieldError } from "../../errors";
import { RESOLUTIONS } from "../../metrics/aggregate";
import type { CallContext } from "../context";

// action/preview (decision 018): how often a metric action would have fired over the last days,
// for the action form. Every matching series' stored rollups are replayed through the engine's
// own window and episode machine, at minute buckets when that stays under MAX_SAMPLES, coarser
// otherwise (a period shorter than the bucket then reads the whole bucket).

const DAY_MS = 86_400_000;
/** Statistic values evaluated at most, over every series: the preview answers while one types. */
const MAX_SAMPLES = 20_000;
const MAX_SERIES = 1000;
const MAX_TIMES = 100;

type PreviewInput = InputOf<typeof previewContract>;

function conditionsOrThrow(expression: string, clear: string): EpisodeConditions {
  const conditions = episodeConditions(expression, clear);
  if (conditions) return conditions;
  const problems: FieldError[] = [];
  for (const [name, text, required] of [
    ["expression", expression, true],
    ["clear", clear, false],
  ] as const) {
    if (!text && !required) continue;
    const parsed = parseCondition(text, METRIC_VARIABLES);
    if (!parsed.ok) problems.push({ name, message: parsed.message });
  }
  throw validationError(`${problems[0]!.name}: ${problems[0]!.message}`, problems);
}

/** The finest stored resolution whose samples over `days` for `series` series stay under the bound. */
function resolutionFor(series: number, days: number): number {
  const finestFirst = [...RESOLUTIONS].reverse();
  return finestFirst.find((r) => series * ((days * 86_400) / r) <= MAX_SAMPLES) ?? finestFirst.at(-1)!;
}

export async function previewAction(ctx: CallContext, input: PreviewInput) {
  const conditions = conditionsOrThrow(input.expression, input.clear);
  const rules = rulesOf(input);
  const now = Date.now();
  const from = now - input.days * DAY_MS;
  const series = (await findSeriesOfMetric(ctx.accountId, input.namespace, input.metric, MAX_SERIES)).filter((s) =>
    dimensionsMatch(input.dimensions, JSON.parse(s.dimensions) as DimensionSet),
  );
  const resolution = resolutionFor(series.length, input.days);
  // Past the bound even at day buckets: the first series (by key) that fit.
  const perSeries = Math.ceil((input.days * 86_400) / resolution);
  const evaluated = series.slice(0, Math.max(1, Math.floor(MAX_SAMPLES / perSeries)));
  const settings = {
    conditions,
    rules,
    periodSeconds: input.period,
    statistic: input.statistic,
    resolutionSeconds: resolution,
  };
  const leadIn = Math.ceil(input.period / resolution) * resolution * 1000;
  let samples = 0;
  const times: Array<{ timestamp: number; value: number; subject: string }> = [];
  for (const s of evaluated) {
    const buckets = await readRollups(s.id, resolution as (typeof RESOLUTIONS)[number], from - leadIn, now + 1);
    const replay = replaySeries(buckets, from, settings);
    samples += replay.samples;
    times.push(...replay.firings.map((f) => ({ timestamp: f.at, value: f.value, subject: s.key })));
  }
  times.sort((a, b) => a.timestamp - b.timestamp);
  return { firings: times.length, series: evaluated.length, samples, times: times.slice(0, MAX_TIMES) };
}
