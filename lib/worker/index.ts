import { startDeviceBroker } from "../broker/embedded/start";
import { env } from "../env";
import { log } from "../log";
import { enforceMetricRetention } from "../services/metrics/retention";
import { startActions } from "./actions";
import { startDeliverer } from "./deliveries";
import { startOutbox } from "./outbox";

// The worker role beside the web role (on one machine, in the same process): periodic jobs, the
// embedded MQTT broker devices connect to, the outbox that delivers cloud changes to them through
// it (decision 015), the action engine (decision 018) and the deliverer of its webhooks and emails
// (decision 019). Retention, the action engine and the deliverer are safe to run on several
// workers at once; the embedded broker and its outbox assume they are the only ones.

export interface Worker {
  stop(): Promise<void>;
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

export async function startWorker(): Promise<Worker> {
  const stopRetention = every("metric retention", env().metricRetentionIntervalMs, () => enforceMetricRetention());
  const broker = await startDeviceBroker();
  const outbox = startOutbox(broker);
  log.info("mqtt broker listening", { port: broker.port, host: env().mqttHost });
  const actions = startActions();
  const deliverer = startDeliverer();
  return {
    async stop() {
      stopRetention();
      await actions.stop();
      await deliverer.stop();
      await broker.close();
      await outbox.stop();
    },
  };
}
