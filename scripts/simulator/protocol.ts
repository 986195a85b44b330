// The device side of the MQTT protocol (docs/api.md, "Device messaging"), as the Ioto agent speaks
// it: the topics it subscribes to and publishes on, and the payloads it sends. Pure functions of
// their arguments, so that tests can check every shape without a broker.

/** AWS IoT's basic-ingest prefix: the agent sends one-way publishes under it; the cloud strips it. */
export const INGEST_PREFIX = "$aws/rules/IotoDevice/";
/** What the agent writes for its own ID in a dimension; the cloud substitutes the sender's ID. */
export const SELF = "${deviceId}";

/** A request or one-way message from the device: ioto/service/<id>/<op>. */
export const serviceTopic = (deviceId: string, op: string) => `ioto/service/${deviceId}/${op}`;

/** A one-way message as the agent sends it, through the basic-ingest prefix. */
export const ingestTopic = (deviceId: string, op: string) => INGEST_PREFIX + serviceTopic(deviceId, op);

/** The three master subscriptions the agent makes once connected. */
export const subscriptions = (deviceId: string, accountId: string) => [
  `ioto/device/${deviceId}/#`,
  "ioto/account/all/#",
  `ioto/account/${accountId}/#`,
];

/** metric/set: one value of one metric, in the device's own series (its ID left for the cloud to fill in). */
export function metricSet(metric: string, value: number) {
  return { metric, value, dimensions: [{ Device: SELF }], buffer: { elapsed: 0 } };
}

/** metric/set with a batch of past readings, each at its own time, in the device's own series. */
export function metricBatch(points: ReadonlyArray<{ metric: string; value: number; timestamp: number }>) {
  return { points: points.map((point) => ({ ...point, dimensions: [{ Device: SELF }] })) };
}

/** metric/get's request: the device's own series, read back as one number. */
export function metricGet(metric: string, statistic: string, period: number) {
  return { metric, dimensions: { Device: SELF }, period, statistic };
}

export type StoreValue = string | number | boolean;

/** store/set: one key of the device's key/value store, typed as the agent types it. */
export function storeSet(key: string, value: StoreValue) {
  return { key, value, type: typeof value as "string" | "number" | "boolean" };
}

/** An item of the device's database as it syncs: its model in `_type`, its key in `sk`. */
export interface DbItem {
  _type: string;
  sk: string;
  pk?: string;
  updated: string;
  created?: string;
  [field: string]: unknown;
}

export type SyncCommand = "create" | "update" | "upsert" | "remove";

export interface SyncChange {
  cmd: SyncCommand;
  key: string;
  item: DbItem;
}

/** db/syncToDynamo: a batch of local changes, acknowledged by sync/SYNC with the same seq. */
export const syncUp = (seq: number, changes: SyncChange[]) => ({ seq, changes });

/** db/syncDown: every down-syncing item newer than `timestamp`, then sync/SYNCDOWN. */
export const syncDown = (timestamp: string) => ({ timestamp });

/** The Device item: one per device, written once the device knows its account. */
export function deviceItem(
  device: { id: string; accountId: string; name: string; description: string; model: string; product: string },
  at: string,
): DbItem {
  return {
    _type: "Device",
    pk: `d#${device.accountId}`,
    sk: `d#${device.id}`,
    ...device,
    created: at,
    updated: at,
  };
}

/** A Store item as the agent syncs it: the value as a string whatever its type. */
export function storeItem(
  owner: { accountId: string; deviceId: string },
  key: string,
  value: StoreValue,
  at: string,
  created = at,
): DbItem {
  return {
    _type: "Store",
    pk: `s#${owner.accountId}#${owner.deviceId}`,
    sk: `s#${key}`,
    ...owner,
    key,
    value: String(value),
    type: typeof value,
    created,
    updated: at,
  };
}

/** A Log item: a line of the device's log, with its context. */
export function logItem(
  owner: { accountId: string; deviceId: string },
  id: string,
  message: string,
  context: Record<string, unknown>,
  at: string,
): DbItem {
  return {
    _type: "Log",
    pk: `l#${owner.accountId}#${owner.deviceId}`,
    sk: `l#${id}`,
    id,
    ...owner,
    message,
    context,
    created: at,
    updated: at,
  };
}

/**
 * An item's key in the device's database: its `sk`, or, when the cloud leaves it out, the key the
 * agent's schema derives from the item's fields (undefined when neither is possible).
 */
export function itemKey(item: Record<string, unknown>): string | undefined {
  if (typeof item.sk === "string") return item.sk;
  const field = (name: string) => (typeof item[name] === "string" ? (item[name] as string) : undefined);
  switch (item._type) {
    case "Command": {
      const [account, device, id] = [field("accountId"), field("deviceId"), field("id")];
      return account && device && id ? `command#${account}#${device}#${id}` : undefined;
    }
    case "Store":
      return field("key") && `s#${field("key")}`;
    case "Broadcast":
      return field("key") && `bcast#${field("key")}`;
    case "Device":
      return field("id") && `d#${field("id")}`;
    case "Log":
      return field("id") && `l#${field("id")}`;
    default:
      return undefined;
  }
}

/** What a message on one of the device's subscriptions is. */
export type Incoming =
  | { kind: "sync"; action: string }
  | { kind: "provision"; command: string }
  | { kind: "throttle" }
  | { kind: "reply"; op: string; seq: number }
  | { kind: "unknown" };

/** Classifies a topic the device received, as the agent's subscriptions route it. */
export function classify(deviceId: string, topic: string): Incoming {
  const own = `ioto/device/${deviceId}/`;
  const account = /^ioto\/account\/[^/]+\/sync\/([^/]+)$/.exec(topic);
  if (account) return { kind: "sync", action: account[1]! };
  if (!topic.startsWith(own)) return { kind: "unknown" };
  const rest = topic.slice(own.length);
  const sync = /^sync\/([^/]+)$/.exec(rest);
  if (sync) return { kind: "sync", action: sync[1]! };
  const provision = /^provision\/([^/]+)$/.exec(rest);
  if (provision) return { kind: "provision", command: provision[1]! };
  if (rest === "mqtt/throttle") return { kind: "throttle" };
  const reply = /^(.+)\/(\d+)$/.exec(rest);
  if (reply) return { kind: "reply", op: reply[1]!, seq: Number(reply[2]) };
  return { kind: "unknown" };
}

/** How long after its timestamp the agent still obeys a release: older ones are resent stale copies. */
export const RELEASE_FRESH_MS = 10_000;

/** Whether a provision/release (epoch ms as text; none means now) is fresh enough to obey. */
export function releaseIsFresh(payload: string, now: number): boolean {
  const timestamp = Number.parseInt(payload, 10) || now;
  return now < timestamp + RELEASE_FRESH_MS;
}
