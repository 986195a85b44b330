import { expect, test, vi } from "vitest";
import type { StoredPoints } from "../../lib/metrics/stored-points";

// The production server loads lib/ twice, once from the Next.js build (route handlers) and once
// from the source (the worker): a listener of either copy hears the points the other announces.
test("a listener hears points announced by another copy of the module", async () => {
  const handlers = await import("../../lib/metrics/stored-points");
  vi.resetModules();
  const worker = await import("../../lib/metrics/stored-points");
  expect(worker).not.toBe(handlers);
  const heard: StoredPoints[] = [];
  const stop = worker.onStoredPoints((stored) => heard.push(stored));
  const stored = { accountId: "A1", points: [{ namespace: "N", metric: "m", dimensions: {}, value: 1, timestamp: 1 }] };
  handlers.announceStoredPoints(stored);
  stop();
  handlers.announceStoredPoints(stored);
  expect(heard).toEqual([stored]);
});
