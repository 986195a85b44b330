import { env } from "../env";
import { log } from "../log";
import { enforceMetricRetention } from "../services/metrics/retention";

// The worker role: periodic jobs beside the web role (on one machine, in the same process). Each
// job is safe to run on several workers at once: retention deletes what is old, whoever runs it.

export interface Worker {
  stop(): void;
}

/** Runs `job` now and then every `intervalMs`, one run at a time; a failure is logged, not fatal. */
function every(name: string, intervalMs: number, job: () => Promise<unknown>): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await job();
      log.info(`${name} done`, { report });
    } catch (error) {
      log.error(`${name} failed`, { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function startWorker(): Worker {
  const stops = [every("metric retention", env().metricRetentionIntervalMs, () => enforceMetricRetention())];
  return { stop: () => stops.forEach((stop) => stop()) };
}
