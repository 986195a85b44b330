import type { DimensionSet } from "../contracts/metric";
import { log } from "../log";

// Points announced in-process once their batch has committed (decision 018), so the action engine
// evaluates conditions as points arrive without reading them back. With nobody listening an
// announcement costs one length check. A listener runs inside ingest's call and must only take
// note: whatever it does with the points, it does later.

export interface StoredPoint {
  namespace: string;
  metric: string;
  dimensions: DimensionSet;
  value: number;
  timestamp: number;
}

export interface StoredPoints {
  accountId: string;
  points: readonly StoredPoint[];
}

export type StoredPointsListener = (stored: StoredPoints) => void;

const listeners = new Set<StoredPointsListener>();

/** Listens until the answered function is called. */
export function onStoredPoints(listener: StoredPointsListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function announceStoredPoints(stored: StoredPoints): void {
  if (listeners.size === 0) return;
  for (const listener of listeners) {
    try {
      listener(stored);
    } catch (error) {
      // The batch is stored: its caller must hear so whatever a listener did.
      log.error("stored points listener failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
