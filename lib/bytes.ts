// How the portal writes a size: the one place for it (device files, firmware images).

const UNITS = ["KiB", "MiB", "GiB"] as const;

/** A byte count as people read it: "912 bytes", "20.4 KiB", "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
