// What a simulated thermostat measures at a given instant: a pure function of its ID and the time,
// so the week of history `npm run demo` seeds and the live points `npm run simulate` sends join up
// without a seam, and a test can check the shapes without a clock.

export const DEVICE_NAMESPACE = "Embedthis/Device";
export const DEVICE_METRICS = ["temperature", "cpu", "memory", "battery"] as const;
export type DeviceMetric = (typeof DEVICE_METRICS)[number];
export const METRIC_UNITS: Record<DeviceMetric, string> = { temperature: "°C", cpu: "%", memory: "%", battery: "%" };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** FNV-1a: a stable 32-bit number for a string (a device's own phase and character). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A uniform number in [0, 1) for an integer knot of a seed (a cheap integer mix, not crypto). */
function knot(seed: number, index: number): number {
  let h = Math.imul(seed ^ index, 0x9e3779b1) ^ Math.imul(index >>> 16, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

/**
 * Smooth noise in [-1, 1]: random knots every `step` ms joined by a cosine curve, so readings a
 * few seconds apart are close (a sensor drifts) while readings hours apart are unrelated.
 */
function noise(seed: number, time: number, step: number): number {
  const position = time / step;
  const index = Math.floor(position);
  const blend = (1 - Math.cos((position - index) * Math.PI)) / 2;
  const a = knot(seed, index);
  const b = knot(seed, index + 1);
  return (a + (b - a) * blend) * 2 - 1;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** °C: warmest mid-afternoon UTC, coolest before dawn, a device-specific base and slow drift. */
function temperature(seed: number, time: number): number {
  const base = 19 + (seed % 50) / 10;
  const daily = -Math.cos(((time % DAY) / DAY - 3 / 24) * 2 * Math.PI) * 3.5;
  return base + daily + noise(seed, time, 2 * HOUR) * 1.2 + noise(seed + 1, time, 5 * MINUTE) * 0.3;
}

/** %: a busy daytime load, with short bursts. */
function cpu(seed: number, time: number): number {
  const hour = (time % DAY) / HOUR;
  const daytime = hour > 7 && hour < 20 ? 15 : 0;
  const burst = Math.max(0, noise(seed + 2, time, 10 * MINUTE)) ** 4 * 60;
  return 8 + daytime + noise(seed + 3, time, 2 * MINUTE) * 5 + burst;
}

/** %: creeps up as the application leaks over six hours, then falls back when it restarts. */
function memory(seed: number, time: number): number {
  const cycle = 6 * HOUR;
  const phase = ((time + (seed % cycle)) % cycle) / cycle;
  return 38 + phase * 30 + noise(seed + 4, time, 15 * MINUTE) * 3;
}

/** %: drains over about twenty hours of use, then charges to full in four. */
function battery(seed: number, time: number): number {
  const drain = 20 * HOUR;
  const charge = 4 * HOUR;
  const cycle = drain + charge;
  const at = (time + (seed % cycle)) % cycle;
  const empty = 12 + (seed % 9);
  const level = at < drain ? 100 - (at / drain) * (100 - empty) : empty + ((at - drain) / charge) * (100 - empty);
  return level + noise(seed + 5, time, 30 * MINUTE) * 1.5;
}

const SIGNALS: Record<DeviceMetric, { at: (seed: number, time: number) => number; low: number; high: number }> = {
  temperature: { at: temperature, low: -40, high: 85 },
  cpu: { at: cpu, low: 0, high: 100 },
  memory: { at: memory, low: 0, high: 100 },
  battery: { at: battery, low: 0, high: 100 },
};

/** One metric of one device at `time` (epoch ms), rounded as a sensor reports it. */
export function reading(deviceId: string, metric: DeviceMetric, time: number): number {
  const signal = SIGNALS[metric];
  return round(clamp(signal.at(hash(deviceId), time), signal.low, signal.high), 2);
}

/** Every metric of one device at `time`, as points of its own series ({"Device": id}). */
export function devicePoints(deviceId: string, time: number) {
  return DEVICE_METRICS.map((metric) => ({
    namespace: DEVICE_NAMESPACE,
    metric,
    dimensions: { Device: deviceId },
    value: reading(deviceId, metric, time),
    timestamp: time,
  }));
}
