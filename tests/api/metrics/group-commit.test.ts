import { describe, expect, it } from "vitest";
import { groupCommits } from "../../../lib/db/metrics/store";
import { storeSeriesPoints, type SeriesPoint } from "../../../lib/services/metrics/ingest";
import { call } from "../client";
import { tenant, type Session } from "../fixtures";

// Group commit (decision 012): batches that arrive together share one transaction, and each
// caller still gets its own batch's outcome.

const pointOf = (metric: string, device: string, value = 1): SeriesPoint[] => [
  { namespace: "Embedthis/Device", metric, dimensions: { Device: device }, value, timestamp: Date.now() },
];

async function countOf(session: Session, metric: string, device: string): Promise<number> {
  const answer = await call("/api/metric/fetch", {
    token: session.token,
    body: { items: [{ metric, dimensions: { Device: device }, range: 3600, accumulate: true }] },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data[0].summary.count;
}

describe("metric writes arriving together", () => {
  it("share one transaction, and a key twice in the group stores its batch once", async () => {
    const me = await tenant();
    const before = groupCommits();
    const devices = Array.from({ length: 20 }, (_, i) => `D${i}`);
    const outcomes = await Promise.all([
      ...devices.map((device) => storeSeriesPoints(me.accountId, pointOf("grouped", device), null)),
      storeSeriesPoints(me.accountId, pointOf("keyed", "K", 1), "device:K:retry-1"),
      storeSeriesPoints(me.accountId, pointOf("keyed", "K", 2), "device:K:retry-1"),
    ]);
    const after = groupCommits();
    expect(after.batches - before.batches).toBe(22);
    expect(after.groups - before.groups).toBe(1);
    expect(outcomes).toEqual([...devices.map(() => true), true, false]);
    for (const device of devices) expect(await countOf(me, "grouped", device)).toBe(1);
    expect(await countOf(me, "keyed", "K")).toBe(1);
  });

  it("fail only the batch that fails: the others are stored", async () => {
    const me = await tenant();
    const outcomes = await Promise.allSettled([
      storeSeriesPoints(me.accountId, pointOf("mixed", "A"), null),
      // An account closed after its batch was checked: its series' account is gone.
      storeSeriesPoints(`closed-${me.accountId}`, pointOf("mixed", "B"), null),
      storeSeriesPoints(me.accountId, pointOf("mixed", "C"), null),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await countOf(me, "mixed", "A")).toBe(1);
    expect(await countOf(me, "mixed", "C")).toBe(1);
  });
});
