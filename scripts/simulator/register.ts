import type { Cloud, Fetch } from "./cloud-api";
import type { Say } from "./say";

// Registration exactly as the Ioto agent does it: POST <builder>/device/register with
// `Authorization: bearer <product>` and its device configuration as the body; while the answer is
// {"registered": true} it polls again after a delay growing by 0.25 s (1.25 s, 1.5 s, … up to
// 3660 s). A claimed answer carries the cloud's api, a device token and the account.

const STEP_MS = 250;
const MAX_DELAY_MS = 3_660_000;

/** The device configuration the agent sends (its device.json5, and `created` as epoch 0). */
export interface DeviceConfig {
  id: string;
  product: string;
  name: string;
  description: string;
  model: string;
  test: boolean;
}

export interface RegisterOptions {
  fetch: Fetch;
  builder: string;
  say: Say;
  /** The agent's first boot: anything but a 200 JSON answer makes it give up. */
  firstBoot: boolean;
  /** Called once, when the cloud first answers: a claim typed from now on finds the device. */
  listed?: () => void;
  stopped: () => boolean;
  sleep: (ms: number) => Promise<void>;
}

/** Polls register until the device is claimed; undefined when the agent gives up or is stopped. */
export async function register(config: DeviceConfig, options: RegisterOptions): Promise<Cloud | undefined> {
  const { fetch, builder, say } = options;
  let listed = false;
  for (
    let delay = 1000, first = options.firstBoot;
    !options.stopped();
    delay = Math.min(delay + STEP_MS, MAX_DELAY_MS), first = false
  ) {
    let answer: Record<string, unknown> | undefined;
    try {
      const response = await fetch(`${builder}/device/register`, {
        method: "POST",
        headers: { Authorization: `bearer ${config.product}`, "Content-Type": "application/json" },
        body: JSON.stringify({ ...config, created: new Date(0).toISOString() }),
      });
      const text = await response.text();
      if (response.status !== 200) {
        say(`register answered ${response.status}: ${text}`, "error");
        if (first) return undefined;
      } else {
        answer = JSON.parse(text) as Record<string, unknown>;
        if (!listed) options.listed?.();
        listed = true;
      }
    } catch (error) {
      say(`cannot reach ${builder}: ${(error as Error).message}`, "error");
    }
    if (typeof answer?.api === "string" && typeof answer.token === "string") {
      say(`claimed by account ${String(answer.accountId)}: cloud ${answer.api} (${String(answer.cloudType)})`);
      return { api: answer.api.replace(/\/$/, ""), token: answer.token, accountId: String(answer.accountId) };
    }
    await options.sleep(delay);
  }
  return undefined;
}
