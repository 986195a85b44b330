import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The environment, validated once (create-t3-app's habit). Everything has a working default;
// secrets that are not given are generated once into DATA_DIR and reused on every start.

const intFrom = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  PORT: intFrom(3000, 1),
  APP_ORIGIN: z.url().optional(),
  ALLOWED_ORIGINS: z.string().default(""),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().optional(),
  MQTT_PORT: intFrom(8883, 1),
  // The broker's public host name: handed to devices as their endpoint and named by its server
  // certificate (decision 013).
  MQTT_HOST: z.string().min(1).default("localhost"),
  // Publishes per second one device may send; past it the device is throttled (decision 015). 0 turns it off.
  MQTT_DEVICE_MESSAGES_PER_SECOND: intFrom(100),
  // Validity of a device's client certificate; the device provisions again for a new one.
  DEVICE_CERT_DAYS: intFrom(30, 1),
  AUTH_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "64 hex characters")
    .optional(),
  SIGNUP: z.enum(["open", "closed"]).default("open"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(8),
  // Per token and per client address; 0 turns the limit off (benchmarks).
  RATE_LIMIT_PER_MINUTE: intFrom(600),
  // device/register: per device ID, and per address generously (a factory line shares one).
  REGISTER_RATE_PER_MINUTE: intFrom(60),
  REGISTER_ADDRESS_RATE_PER_MINUTE: intFrom(20000),
  // Trust the first X-Forwarded-For hop only behind a proxy you run.
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  CLOUD_NAME: z.string().default("fleetport"),
  CLOUD_REGION: z.string().default("local"),
  // Days each metric resolution is kept (decision 012). Raw points also bound how old a point may be
  // when it arrives: an older one would be deleted by the next retention run.
  METRIC_RAW_DAYS: intFrom(30, 1),
  METRIC_MINUTE_DAYS: intFrom(30, 1),
  METRIC_HOUR_DAYS: intFrom(400, 1),
  METRIC_DAY_DAYS: intFrom(3660, 1),
  // Minutes between retention runs of the worker.
  METRIC_RETENTION_MINUTES: intFrom(60, 1),
  // Email steps' SMTP server (decision 019): smtp://user:password@host:port, or smtps:// for TLS
  // from the start. Unset, email steps fail their runs saying so.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587" })
    .optional(),
  // The sender of email steps' mail: an address, or a name and an address ("Fleetport <ops@example.com>").
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, "an address, or a name and <address>")
    .optional(),
  // Webhooks and email: seconds one attempt may take, and attempts before a run fails.
  DELIVERY_TIMEOUT_SECONDS: intFrom(10, 1),
  DELIVERY_ATTEMPTS: intFrom(8, 1),
});

export interface Env {
  port: number;
  appOrigin: string;
  /** Every origin a login access token may be bound to. */
  allowedOrigins: ReadonlySet<string>;
  dataDir: string;
  databaseUrl: string;
  engine: "sqlite" | "postgres";
  mqttPort: number;
  mqttHost: string;
  mqttDeviceMessagesPerSecond: number;
  deviceCertDays: number;
  authSecret: string;
  encryptionKey: Buffer;
  signup: "open" | "closed";
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  sessionIdleMs: number;
  rateLimitPerMinute: number;
  registerRatePerMinute: number;
  registerAddressRatePerMinute: number;
  trustProxy: boolean;
  cloudName: string;
  cloudRegion: string;
  /** Days kept per metric resolution: raw points, minute, hour and day rollups. */
  metricRetentionDays: { raw: number; 60: number; 3600: number; 86400: number };
  metricRetentionIntervalMs: number;
  /** Email steps' SMTP server; null when none is configured. */
  smtpUrl: string | null;
  mailFrom: string;
  deliveryTimeoutMs: number;
  deliveryAttempts: number;
}

interface GeneratedSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
}

/** Reads DATA_DIR/secrets.json, creating it once. `wx` makes concurrent first starts agree. */
export function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  const fresh: GeneratedSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  };
  try {
    writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
  }
}

/** 127.0.0.1 and localhost name the same app (docs/api.md#login-access-tokens-and-origin). */
function sameAppOrigins(origin: string): string[] {
  const url = new URL(origin);
  const names = [url.origin];
  if (url.hostname === "localhost") names.push(url.origin.replace("//localhost", "//127.0.0.1"));
  if (url.hostname === "127.0.0.1") names.push(url.origin.replace("//127.0.0.1", "//localhost"));
  return names;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const needsSecrets = !e.AUTH_SECRET || !e.ENCRYPTION_KEY;
  const generated = needsSecrets ? loadOrCreateSecrets(dataDir) : undefined;
  const appOrigin = new URL(e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).origin;
  const extra = e.ALLOWED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => new URL(origin).origin);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "fleetport.db")}`;
  return {
    port: e.PORT,
    appOrigin,
    allowedOrigins: new Set([...sameAppOrigins(appOrigin), ...extra]),
    dataDir,
    databaseUrl,
    engine: /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite",
    mqttPort: e.MQTT_PORT,
    mqttHost: e.MQTT_HOST,
    mqttDeviceMessagesPerSecond: e.MQTT_DEVICE_MESSAGES_PER_SECOND,
    deviceCertDays: e.DEVICE_CERT_DAYS,
    authSecret: e.AUTH_SECRET ?? generated!.AUTH_SECRET,
    encryptionKey: Buffer.from(e.ENCRYPTION_KEY ?? generated!.ENCRYPTION_KEY, "hex"),
    signup: e.SIGNUP,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    registerRatePerMinute: e.REGISTER_RATE_PER_MINUTE,
    registerAddressRatePerMinute: e.REGISTER_ADDRESS_RATE_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === "true",
    cloudName: e.CLOUD_NAME,
    cloudRegion: e.CLOUD_REGION,
    metricRetentionDays: {
      raw: e.METRIC_RAW_DAYS,
      60: e.METRIC_MINUTE_DAYS,
      3600: e.METRIC_HOUR_DAYS,
      86400: e.METRIC_DAY_DAYS,
    },
    metricRetentionIntervalMs: e.METRIC_RETENTION_MINUTES * 60_000,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `fleetport@${new URL(appOrigin).hostname}`,
    deliveryTimeoutMs: e.DELIVERY_TIMEOUT_SECONDS * 1000,
    deliveryAttempts: e.DELIVERY_ATTEMPTS,
  };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use and then fixed. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
