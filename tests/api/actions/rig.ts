import { ActionEngine } from "../../../lib/actions/engine/engine";
import { db } from "../../../lib/db/client";
import { deliveryOptions, startDeliverer, type Deliverer, type DelivererOptions } from "../../../lib/worker/deliveries";

// The worker's parts on a clock the test moves: the action engine runs queued runs, the deliverer
// sends what their steps queued. Nothing runs on a timer: each look is the test's.

export interface Rig {
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** Runs the runs queued so far (their steps queue deliveries). */
  execute(): Promise<void>;
  deliverer: Deliverer;
  /** Another deliverer on the same clock and database, as a second worker. */
  another(): Deliverer;
  stop(): Promise<void>;
}

export function rig(options: Partial<DelivererOptions> = {}): Rig {
  let clock = Date.now();
  const now = () => new Date(clock);
  const engine = new ActionEngine({ now: () => clock });
  const settings = { ...deliveryOptions(), intervalMs: null, now, ...options };
  const deliverers = [startDeliverer(settings)];
  return {
    advance: (ms) => void (clock += ms),
    async execute() {
      await engine.tick();
      await engine.idle();
    },
    deliverer: deliverers[0]!,
    another() {
      const deliverer = startDeliverer(settings);
      deliverers.push(deliverer);
      return deliverer;
    },
    async stop() {
      await engine.stop();
      await Promise.all(deliverers.map((deliverer) => deliverer.stop()));
    },
  };
}

export const runRow = (id: string) => db().actionRun.findUniqueOrThrow({ where: { id } });
export const deliveriesOf = (runId: string) => db().delivery.findMany({ where: { runId } });
