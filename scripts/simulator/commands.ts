import { createHash } from "node:crypto";
import { newId } from "../../lib/ids";
import { callDevice, type Cloud, type Fetch } from "./cloud-api";
import { logItem, storeItem, type DbItem } from "./protocol";
import type { Say } from "./say";
import type { Session } from "./session";

// Commands are Command items the cloud syncs down (reboot, release, update, or a custom name the
// device's application handles), obeyed as the agent does: a reboot closes the connection and
// connects again; a release (or reprovision) forgets the certificate and registers again; an update
// asks provision/update for newer firmware and, when there is some, downloads it, checks its
// SHA-256 and reports the outcome; a custom command is logged, and the log line syncs up as a Log item.

/** What commands need of the device they run on. */
export interface CommandTarget {
  deviceId: string;
  accountId: string;
  cloud: Cloud;
  fetch: Fetch;
  say: Say;
  /** The device configuration the agent sends with provision/update. */
  config: Record<string, unknown>;
  version: string;
  /** Installs firmware of this version (the simulator only takes its number). */
  install(version: string): void;
}

export async function obey(item: DbItem, session: Session, target: CommandTarget): Promise<void> {
  const command = String(item.command);
  const { say } = target;
  if (command === "reboot") {
    say("command reboot: reconnecting");
    session.finish({ kind: "reconnect", why: "rebooted by command" });
  } else if (command === "release" || command === "reprovision") {
    session.finish({ kind: "forget", why: `command ${command}` });
  } else if (command === "update") {
    await update(session, target);
  } else {
    say(`command ${command} ${JSON.stringify(item.args ?? {})}`);
    const owner = { accountId: target.accountId, deviceId: target.deviceId };
    const now = Date.now();
    const at = new Date(now).toISOString();
    const context = { command, args: item.args ?? {} };
    session.db.write(logItem(owner, newId(now), `Command "${command}" run`, context, at), now);
    await session.flush();
  }
}

/** provision/update, then the download, its check and the report. */
async function update(session: Session, target: CommandTarget): Promise<void> {
  const { say, fetch, cloud, deviceId } = target;
  const body = { ...target.config, version: target.version, iotoVersion: "simulated" };
  const answer = await callDevice(fetch, cloud, "provision/update", body);
  if (answer.kind === "forget") return session.finish({ kind: "forget", why: answer.reason });
  if (answer.kind === "failed") return say(answer.problem, "error");
  const { url, version, checksum, update } = answer.value;
  if (typeof url !== "string") return say(`command update: no update for version ${target.version}`);
  let success = false;
  try {
    const response = await fetch(url);
    const image = Buffer.from(await response.arrayBuffer());
    const sha256 = createHash("sha256").update(image).digest("hex");
    success = response.status === 200 && sha256 === checksum;
    say(
      success
        ? `command update: installed version ${String(version)} (${image.length} bytes)`
        : `command update: the download answered ${response.status} with SHA-256 ${sha256}, not ${String(checksum)}`,
      success ? "info" : "error",
    );
  } catch (error) {
    say(`command update: cannot download ${url}: ${(error as Error).message}`, "error");
  }
  if (success) {
    target.install(String(version));
    const now = Date.now();
    const owner = { accountId: target.accountId, deviceId };
    session.db.write(storeItem(owner, "firmware", String(version), new Date(now).toISOString()), now);
    await session.flush();
  }
  const report = await callDevice(fetch, cloud, "provision/updateReport", { id: deviceId, update, success });
  if (report.kind === "failed") say(report.problem, "error");
}
