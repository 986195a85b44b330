import { fetchMetrics, getMetric, getMetricList, latestMetrics, setMetric } from "../contracts/metric";
import * as metrics from "../services/metrics";
import { implement } from "./implement";

export const metricController = [
  implement(setMetric, (input, ctx) => metrics.setMetrics(ctx, input)),
  implement(fetchMetrics, (input, ctx) => metrics.fetchMetrics(ctx, input)),
  implement(getMetricList, (input, ctx) => metrics.getMetricList(ctx, input)),
  implement(getMetric, (input, ctx) => metrics.getMetric(ctx, input)),
  implement(latestMetrics, (input, ctx) => metrics.latestMetrics(ctx, input)),
];
