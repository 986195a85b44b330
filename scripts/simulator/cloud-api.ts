import { AUTHENTICATION_FAILED, DEVICE_NOT_FOUND } from "../../lib/errors";

// The HTTP calls a device makes besides register: provision, the firmware check and its report,
// the cloud's CA certificate, a firmware download. `fetch` is a parameter so that a test can hand
// the cloud's own request handler in; the simulator uses the global one.

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The cloud a claimed device was handed by register. */
export interface Cloud {
  api: string;
  token: string;
  accountId: string;
}

/** What device/provision hands a claimed device: its certificate and where to connect with it. */
export interface Credentials {
  certificate: string;
  key: string;
  endpoint: string;
  port: number;
  accountId: string;
}

/** An answer: the parsed body, or that the cloud no longer knows the device (forget and register), or a problem. */
export type Answer<T> =
  { kind: "ok"; value: T } | { kind: "forget"; reason: string } | { kind: "failed"; problem: string };

/** POSTs a device verb with the device token; the two bodies the agent recognises mean "forget". */
export async function callDevice(
  fetch: Fetch,
  cloud: Cloud,
  verb: string,
  body: unknown,
): Promise<Answer<Record<string, unknown>>> {
  try {
    const response = await fetch(`${cloud.api}/tok/${verb}`, {
      method: "POST",
      headers: { Authorization: `bearer ${cloud.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 200) return { kind: "ok", value: (JSON.parse(text) ?? {}) as Record<string, unknown> };
    if (text === DEVICE_NOT_FOUND || text === AUTHENTICATION_FAILED) return { kind: "forget", reason: text };
    return { kind: "failed", problem: `${verb} answered ${response.status}: ${text}` };
  } catch (error) {
    return { kind: "failed", problem: `cannot reach ${cloud.api}: ${(error as Error).message}` };
  }
}

/** device/provision: the device's certificate, key and broker endpoint. */
export async function provision(fetch: Fetch, cloud: Cloud, id: string): Promise<Answer<Credentials>> {
  const answer = await callDevice(fetch, cloud, "device/provision", { id });
  if (answer.kind !== "ok") return answer;
  const { certificate, key, endpoint, port, accountId } = answer.value;
  if (typeof certificate !== "string" || typeof key !== "string" || typeof endpoint !== "string")
    return { kind: "failed", problem: "device/provision answered without a certificate, key or endpoint" };
  return {
    kind: "ok",
    value: { certificate, key, endpoint, port: Number(port), accountId: String(accountId ?? cloud.accountId) },
  };
}

/** GET <origin>/builder/ca.pem: the CA that signs the broker's certificate (the agent's mqtt.authority). */
export async function cloudCa(fetch: Fetch, builder: string): Promise<string> {
  const response = await fetch(`${builder}/ca.pem`);
  const text = await response.text();
  if (response.status !== 200 || !text.includes("BEGIN CERTIFICATE"))
    throw new Error(`${builder}/ca.pem answered ${response.status}`);
  return text;
}
