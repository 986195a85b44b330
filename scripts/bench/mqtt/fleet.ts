import type { Credentials } from "../../simulator/cloud-api";
import { poster, type BenchAccount } from "../harness";

// The benchmark's fleet: devices registered, claimed and provisioned through the API as agents and
// a person would, several calls at a time, phase by phase (every register, then every claim, …),
// with the cloud's CA certificate for their connections.

export interface FleetDevice {
  id: string;
  token: string;
  credentials: Credentials;
}

export interface Fleet {
  devices: FleetDevice[];
  ca: string;
}

/** `step` for each of `items`, `lanes` at a time; the answers in order. */
async function inLanes<T, R>(items: T[], lanes: number, step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const answers: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < items.length; i = next++) answers[i] = await step(items[i]!, i);
    }),
  );
  return answers;
}

/** `count` devices named BENCHQ00000… in `account`, `lanes` calls at a time. */
export async function provisionFleet(
  base: string,
  account: BenchAccount,
  count: number,
  lanes: number,
): Promise<Fleet> {
  const post = poster(base);
  const agent = { Authorization: `bearer ${account.productToken}` };
  const ids = Array.from({ length: count }, (_, i) => `BENCHQ${String(i).padStart(5, "0")}`);
  await inLanes(ids, lanes, (id) => post("/builder/device/register", { id }, agent));
  await inLanes(ids, lanes, (id) => post("/api/device/claim", { id }, account.user));
  const tokens = await inLanes(ids, lanes, async (id) => (await post("/builder/device/register", { id }, agent)).token);
  const devices = await inLanes(ids, lanes, async (id, index) => {
    const token = String(tokens[index]);
    const answer = await post("/tok/device/provision", { id }, { Authorization: token });
    const credentials = {
      certificate: String(answer.certificate),
      key: String(answer.key),
      endpoint: String(answer.endpoint),
      port: Number(answer.port),
      accountId: account.accountId,
    };
    return { id, token, credentials };
  });
  const response = await fetch(`${base}/builder/ca.pem`);
  if (response.status !== 200) throw new Error(`/builder/ca.pem answered ${response.status}`);
  return { devices, ca: await response.text() };
}
