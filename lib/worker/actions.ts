import { ActionEngine, type EngineOptions } from "../actions/engine/engine";

// The action engine in the worker (decision 018): it hears metric points as ingest stores them
// (web and worker share the process under `npm start`) and ticks every second, one tick at a time.

const TICK_MS = 1000;

export interface ActionsWorker {
  engine: ActionEngine;
  stop(): Promise<void>;
}

export function startActions(options: EngineOptions = {}): ActionsWorker {
  const engine = new ActionEngine(options);
  engine.listen();
  let ticking: Promise<void> | null = null;
  const tick = () => {
    // A tick never throws (each part logs its own failure); a slow one makes the next wait.
    ticking ??= engine.tick().finally(() => (ticking = null));
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  tick();
  return {
    engine,
    async stop() {
      clearInterval(timer);
      await ticking;
      await engine.stop();
    },
  };
}
