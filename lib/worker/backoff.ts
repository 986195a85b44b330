/** The wait before attempt `attempts + 1` of a worker's retry: `baseMs`, doubling, at most `capMs`. */
export const backoffMs = (attempts: number, baseMs: number, capMs: number) =>
  Math.min(capMs, baseMs * 2 ** (attempts - 1));
