import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { returnToPool } from "../../lib/db/devices";
import { env } from "../../lib/env";
import { certificateStanding, deviceCaPem } from "../../lib/pki";
import { call } from "./client";
import { cloudToken, deviceWithToken, tenant } from "./fixtures";

// Provisioning as the agent does it (decision 013): register → claim → provision on /tok with the
// device token, then the certificate's life until release.

const provision = (token: string, id: string, path = "/tok/device/provision") =>
  call(path, { token, body: { id, iotoVersion: "2.8", account: "" }, accept: "*/*" });

describe("device/provision", () => {
  it("answers a certificate naming the device, signed by the device CA, with the key that matches it", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const answer = await provision(token, id);
    expect(answer.status, answer.text).toBe(200);
    const { mqttHost, mqttPort, cloudName, cloudRegion } = env();
    expect(answer.json).toMatchObject({
      id,
      accountId: me.accountId,
      endpoint: mqttHost,
      port: mqttPort,
      thing: id,
      cloudType: "hosted",
      cloudName,
      cloudRegion,
    });
    const certificate = new X509Certificate(answer.json.certificate);
    const ca = new X509Certificate(await deviceCaPem());
    expect(certificate.subject).toBe(`CN=${id}`);
    expect(certificate.issuer).toBe(ca.subject);
    expect(certificate.checkIssued(ca)).toBe(true);
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.checkPrivateKey(createPrivateKey(answer.json.key))).toBe(true);
    expect(createPublicKey(answer.json.key).export({ format: "pem", type: "spki" })).toBe(
      certificate.publicKey.export({ format: "pem", type: "spki" }),
    );
    const days = (Date.parse(certificate.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(env().deviceCertDays - 1);
    expect(days).toBeLessThanOrEqual(env().deviceCertDays);

    const device = await call("/tok/device/get", { token: await cloudToken(me), body: { id } });
    expect(device.json.data.state).toBe("provisioned");
    const audit = await call("/api/audit/find", { token: me.token, body: { action: "device.provision" } });
    expect(audit.json.data.map((event: { target: string }) => event.target)).toEqual([
      `${id} ${certificate.serialNumber}`,
    ]);
    expect(await certificateStanding(answer.json.certificate, id)).toEqual({
      deviceId: id,
      accountId: me.accountId,
      serial: certificate.serialNumber,
    });
  });

  it("answers the same under provision/getCerts, and a new certificate replaces the earlier one", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const first = await provision(token, id);
    const second = await provision(token, id, "/tok/provision/getCerts");
    expect(second.status, second.text).toBe(200);
    expect(Object.keys(second.json).sort()).toEqual(Object.keys(first.json).sort());
    expect(second.json.certificate).not.toBe(first.json.certificate);
    expect(await certificateStanding(first.json.certificate)).toBeNull();
    expect(await certificateStanding(second.json.certificate)).not.toBeNull();
  });

  it("answers 404 'Cannot find device' for an unclaimed device or another device's ID", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const other = await deviceWithToken(me);
    const foreign = await provision(token, other.id);
    expect([foreign.status, foreign.text]).toEqual([404, "Cannot find device"]);
    // Released between the token's check and the provisioning: nothing is issued.
    await returnToPool(db(), id, me.accountId);
    const unclaimed = await provision(token, id);
    expect([unclaimed.status, unclaimed.text]).toEqual([404, "Cannot find device"]);
    expect(await db().deviceCertificate.count({ where: { deviceId: { in: [id, other.id] } } })).toBe(0);
  });

  it("refuses account tokens: only the device provisions itself", async () => {
    const me = await tenant();
    const { id } = await deviceWithToken(me);
    const answer = await call("/tok/device/provision", { token: await cloudToken(me), body: { id } });
    expect(answer.status).toBe(403);
  });
});

describe("release", () => {
  it("revokes the device's certificates and queues the release message in the same transaction", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const provisioned = await provision(token, id);
    const before = Date.now();
    const released = await call("/api/device/release", { token: me.token, body: { id } });
    expect(released.status, released.text).toBe(200);
    expect(await certificateStanding(provisioned.json.certificate)).toBeNull();
    const [row] = await db().deviceCertificate.findMany({ where: { deviceId: id } });
    expect(row?.revoked).not.toBeNull();
    const messages = await db().deviceMessage.findMany({ where: { deviceId: id } });
    expect(messages.map((m) => m.topic)).toEqual([`ioto/device/${id}/provision/release`]);
    expect(Number(messages[0]!.payload)).toBeGreaterThanOrEqual(before);
    expect(Number(messages[0]!.payload)).toBeLessThanOrEqual(Date.now());
  });

  it("leaves nothing standing for a certificate whose device is claimed by another account since", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const provisioned = await provision(token, id);
    // Moved to the pool without the release verb (a closing account does this): the claim decides.
    await returnToPool(db(), id, me.accountId);
    expect(await certificateStanding(provisioned.json.certificate)).toBeNull();
  });
});

describe("device/getCreds", () => {
  it("answers a session token that works as a device token until it expires", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    for (const path of ["/tok/device/getCreds", "/tok/provision/getCreds"]) {
      const creds = await call(path, { token, raw: "", accept: "*/*" });
      expect(creds.status, creds.text).toBe(200);
      expect(creds.json).toEqual({
        accessKeyId: expect.any(String),
        secretAccessKey: creds.json.sessionToken,
        sessionToken: expect.stringMatching(/^fpd_/),
        expires: expect.any(String),
        region: env().cloudRegion,
      });
      const expires = Date.parse(creds.json.expires);
      expect(expires - Date.now()).toBeGreaterThan(50 * 60_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(60 * 60_000);
      const session = creds.json.sessionToken;
      const works = await provision(session, id);
      expect(works.status, works.text).toBe(200);
      const row = await db().token.findUnique({ where: { id: creds.json.accessKeyId } });
      expect(row?.expires?.toISOString()).toBe(creds.json.expires);
      // An hour later (the row's expiry moved back rather than the clock forward):
      await db().token.update({ where: { id: creds.json.accessKeyId }, data: { expires: new Date(Date.now() - 1) } });
      const expired = await provision(session, id);
      expect([expired.status, expired.text]).toEqual([401, "Authentication failed"]);
    }
  });
});

describe("device/getCertificates", () => {
  it("lists a device's certificates newest first, and another account's device is not found", async () => {
    const me = await tenant();
    const { id, token } = await deviceWithToken(me);
    const first = await provision(token, id);
    const second = await provision(token, id);
    const listed = await call("/api/device/getCertificates", { token: me.token, body: { id } });
    expect(listed.status, listed.text).toBe(200);
    const serials = [second, first].map((answer) => new X509Certificate(answer.json.certificate).serialNumber);
    expect(listed.json.data.map((c: { serial: string }) => c.serial)).toEqual(serials);
    expect(listed.json.data[0].revoked).toBeNull();
    expect(listed.json.data[1].revoked).not.toBeNull();
    expect(listed.json.data[0]).toEqual({
      serial: serials[0],
      notBefore: expect.any(String),
      notAfter: expect.any(String),
      revoked: null,
      created: expect.any(String),
    });

    const stranger = await tenant();
    const foreign = await call("/api/device/getCertificates", { token: stranger.token, body: { id } });
    expect([foreign.status, foreign.json.type]).toEqual([404, "not_found"]);
  });
});
