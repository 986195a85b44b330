import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";

// What the benchmark reads from outside the server: the server process's resident memory and CPU
// time (from /proc), and, straight from the database it writes, how many raw points are stored and
// the newest value of each device's latency series.

/** Resident memory of a process, bytes. */
export function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) * 1024;
}

/** CPU seconds (user and system, all threads) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  // Fields after the command name (which may hold spaces), from the third: utime is the 14th, stime the 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface DatabaseProbe {
  /** Raw points stored. */
  points(): Promise<number>;
  /** Device ID and newest value of every `metric` series whose newest point is at or after `since` (epoch ms). */
  newest(metric: string, since: number): Promise<Array<{ deviceId: string; last: number }>>;
  close(): Promise<void>;
}

export function probeDatabase(url: string): DatabaseProbe {
  const newestSql = (p: (n: number) => string) =>
    `SELECT "deviceId", "last" FROM "MetricSeries" WHERE "metric" = ${p(1)} AND "lastTimestamp" >= ${p(2)}`;
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true });
    const count = db.prepare(`SELECT COUNT(*) AS n FROM "MetricPoint"`);
    const newest = db.prepare(newestSql(() => "?"));
    return {
      points: async () => (count.get() as { n: number }).n,
      newest: async (metric, since) => newest.all(metric, since) as Array<{ deviceId: string; last: number }>,
      close: async () => void db.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    points: async () => Number((await pool.query(`SELECT COUNT(*) AS n FROM "MetricPoint"`)).rows[0].n),
    newest: async (metric, since) =>
      (
        await pool.query(
          newestSql((n) => `$${n}`),
          [metric, since],
        )
      ).rows.map((row) => ({
        deviceId: row.deviceId as string,
        last: Number(row.last),
      })),
    close: () => pool.end(),
  };
}
