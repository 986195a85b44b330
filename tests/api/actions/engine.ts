import { afterEach, expect } from "vitest";
import { ActionEngine } from "../../../lib/actions/engine/engine";
import { db } from "../../../lib/db/client";
import { call } from "../client";
import type { Session } from "../fixtures";

// The action engine as the tests drive it: real engines on the test's database, each on a clock
// of its own that only the test moves, ticked by hand; every engine made in a test is stopped
// after it.

export class TestEngine {
  now: number;
  readonly engine: ActionEngine;

  constructor(now: number) {
    this.now = now;
    this.engine = new ActionEngine({ now: () => this.now });
    this.engine.listen();
    running.add(this);
  }

  /** Moves the clock to `now` (if given), ticks once, and waits for what the tick started. */
  async tick(now?: number): Promise<void> {
    if (now !== undefined) this.now = now;
    await this.engine.tick();
    await this.engine.idle();
  }

  /** Waits until the points heard so far are evaluated and the runs they started have ended. */
  idle(): Promise<void> {
    return this.engine.idle();
  }

  async stop(): Promise<void> {
    running.delete(this);
    await this.engine.stop();
  }
}

const running = new Set<TestEngine>();
afterEach(async () => {
  for (const engine of [...running]) await engine.stop();
});

export interface Point {
  metric: string;
  value: number;
  timestamp: number;
  dimensions?: Record<string, string>;
}

/** Stores points through metric/set, as a script would. */
export async function sendPoints(session: Session, points: Point[]): Promise<void> {
  const answer = await call("/api/metric/set", {
    token: session.token,
    body: { points: points.map(({ dimensions, ...point }) => ({ ...point, dimensions: [dimensions ?? {}] })) },
  });
  expect(answer.status, answer.text).toBe(200);
}

/** An action's runs, oldest first, as recorded. */
export async function runsOf(actionId: string) {
  const rows = await db().actionRun.findMany({ where: { actionId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ ...row, context: JSON.parse(row.context) as Record<string, unknown> }));
}

/** The account's alerts raised by an action, oldest first. */
export function alertsOf(actionId: string) {
  return db().alert.findMany({ where: { actionId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
}

/** Where one subject of an action stands. */
export function subjectOf(actionId: string, subject: string) {
  return db().actionSubject.findUnique({ where: { actionId_subject: { actionId, subject } } });
}

/** A series key as the engine names a subject (lib/services/metrics/series-key.ts). */
export const seriesKey = (metric: string, dimensions: Record<string, string>, namespace = "Embedthis/Device") =>
  `${namespace}|${metric}|${JSON.stringify(dimensions)}`;

/** A whole minute some way back: points there are well inside raw retention and clear of now. */
export const minutesAgo = (minutes: number) => Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000;
