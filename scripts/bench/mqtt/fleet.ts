import type { Credentials } from "../../simulator/cloud-api";
import { claimedDevice, poster, type BenchAccount } from "../harness";

// The benchmark's fleet: devices registered, claimed and provisioned through the API as agents and
// a person would, several at a time, with the cloud's CA certificate for their connections.

export interface FleetDevice {
  id: string;
  token: string;
  credentials: Credentials;
}

export interface Fleet {
  devices: FleetDevice[];
  ca: string;
}

/** `count` devices named BENCHQ00000… in `account`, `lanes` at a time. */
export async function provisionFleet(
  base: string,
  account: BenchAccount,
  count: number,
  lanes: number,
): Promise<Fleet> {
  const post = poster(base);
  const ids = Array.from({ length: count }, (_, i) => `BENCHQ${String(i).padStart(5, "0")}`);
  const devices: FleetDevice[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < count; i = next++) {
        const device = await claimedDevice(base, account.user, account.productToken, ids[i]!);
        const answer = await post("/tok/device/provision", { id: device.id }, { Authorization: device.token });
        const credentials = {
          certificate: String(answer.certificate),
          key: String(answer.key),
          endpoint: String(answer.endpoint),
          port: Number(answer.port),
          accountId: account.accountId,
        };
        devices[i] = { ...device, credentials };
      }
    }),
  );
  const response = await fetch(`${base}/builder/ca.pem`);
  if (response.status !== 200) throw new Error(`/builder/ca.pem answered ${response.status}`);
  return { devices, ca: await response.text() };
}
