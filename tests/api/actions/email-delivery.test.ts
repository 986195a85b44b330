import { afterEach, describe, expect, it } from "vitest";
import { NO_SMTP } from "../../../lib/worker/deliveries";
import { tenant, type Session } from "../fixtures";
import { createAction, invoke } from "./helpers";
import { smtpServer, textOf, type MailServer } from "./receivers";
import { deliveriesOf, rig, runRow, type Rig } from "./rig";

// Email to a real local SMTP server (smtp-server) through nodemailer: recipients, subject and
// body as sent, the server's credentials, retries of a refusal, and a server without SMTP_URL.

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((thing) => thing.close()));
  open = [];
});

async function serving(options?: Parameters<typeof smtpServer>[0]): Promise<MailServer> {
  const server = await smtpServer(options);
  open.push(server);
  return server;
}

function rigged(options?: Parameters<typeof rig>[0]): Rig {
  const made = rig(options);
  open.push({ close: () => made.stop() });
  return made;
}

async function queuedEmail(me: Session, r: Rig, context: Record<string, unknown> = {}) {
  const action = await createAction(me, {
    name: "Boiler too hot",
    type: "email",
    destination: "ops@example.com, Lead@Example.com",
    message: "Boiler at ${value} degrees",
  });
  const run = await invoke(me, action.name, context);
  await r.execute();
  expect((await runRow(run.id)).outcome).toBe("delivering");
  return { action, run };
}

describe("email delivery", () => {
  it("sends the message to every address through the configured server, then succeeds", async () => {
    const me = await tenant();
    const server = await serving({
      allowInsecureAuth: true,
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "fleet" && auth.password === "s3cret") callback(null, { user: auth.username });
        else callback(new Error("Invalid username or password"));
      },
    });
    const r = rigged({
      smtpUrl: `smtp://fleet:s3cret@127.0.0.1:${server.port}`,
      mailFrom: "Fleet <fleet@example.com>",
    });
    const { run } = await queuedEmail(me, r, { value: 92 });
    await r.deliverer.look();

    expect(server.mails).toHaveLength(1);
    const [mail] = server.mails;
    expect(mail!.from).toBe("fleet@example.com");
    expect(mail!.to).toEqual(["ops@example.com", "Lead@example.com"]);
    expect(mail!.raw).toMatch(/^Subject: Fleetport: Boiler too hot$/m);
    expect(mail!.raw).toMatch(/^From: Fleet <fleet@example.com>$/m);
    expect(textOf(mail!)).toMatch(
      new RegExp(
        `^Boiler at 92 degrees\n\n-- \nFleetport action "Boiler too hot", run ${run.id} \\(manual trigger\\) at `,
      ),
    );
    expect(await runRow(run.id)).toMatchObject({ outcome: "succeeded", error: "" });
    expect(await deliveriesOf(run.id)).toEqual([]);
  });

  it("tries a refused mail again after its backoff", async () => {
    const me = await tenant();
    // Every recipient is refused on the first connection only.
    let refusing: string | undefined;
    const server = await serving({
      onRcptTo(_address, session, callback) {
        refusing ??= session.id;
        if (session.id !== refusing) return callback();
        callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
      },
    });
    const r = rigged({ smtpUrl: `smtp://127.0.0.1:${server.port}` });
    const { run } = await queuedEmail(me, r);
    await r.deliverer.look();
    const [postponed] = await deliveriesOf(run.id);
    expect(postponed).toMatchObject({ attempts: 1 });
    expect(postponed!.lastError).toMatch(/^SMTP: .*451 Mailbox busy, try later/);
    expect(server.mails).toEqual([]);
    r.advance(1000);
    await r.deliverer.look();
    expect(server.mails.map((mail) => mail.to)).toEqual([["ops@example.com", "Lead@example.com"]]);
    expect((await runRow(run.id)).outcome).toBe("succeeded");
  });

  it("fails the run at once, saying so, when no SMTP server is configured", async () => {
    const me = await tenant();
    const r = rigged({ smtpUrl: null });
    const { run } = await queuedEmail(me, r);
    await r.deliverer.look();
    expect(await runRow(run.id)).toMatchObject({ outcome: "failed", error: NO_SMTP });
    expect(await deliveriesOf(run.id)).toEqual([]);
  });
});
