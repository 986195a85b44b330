import { createPrivateKey, X509Certificate } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { certificateStanding, deviceCaPem, issueDeviceCertificate, serverCredentials } from "../../lib/pki";
import { decrypt } from "../../lib/security/secrets";
import { claimedDevice, tenant } from "./fixtures";

// The PKI on its own (decision 013): the CA at rest, the broker's server certificate, and a real
// mutual-TLS handshake between the two kinds of certificate it issues.

describe("device PKI", () => {
  it("creates one CA however many first calls race, and keeps its key only encrypted", async () => {
    const pems = await Promise.all(Array.from({ length: 8 }, () => deviceCaPem()));
    expect(new Set(pems).size).toBe(1);
    const row = await db().pkiCredential.findUnique({ where: { name: "device-ca" } });
    expect(row!.certificate).toBe(pems[0]);
    expect(row!.keyEncrypted).not.toMatch(/PRIVATE KEY|BEGIN/);
    // What is stored is the CA's key, sealed with ENCRYPTION_KEY.
    const key = createPrivateKey(decrypt(row!.keyEncrypted, env().encryptionKey));
    const ca = new X509Certificate(row!.certificate);
    expect(ca.ca).toBe(true);
    expect(ca.checkPrivateKey(key)).toBe(true);
  });

  it("names the broker's host in its server certificate, a DNS name or an IP address", async () => {
    const byName = await serverCredentials("broker.example.test");
    const again = await serverCredentials("broker.example.test");
    expect(again.certificatePem).toBe(byName.certificatePem);
    const named = new X509Certificate(byName.certificatePem);
    expect(named.checkHost("broker.example.test")).toBe("broker.example.test");
    expect(named.verify(new X509Certificate(await deviceCaPem()).publicKey)).toBe(true);
    expect(byName.caPem).toBe(await deviceCaPem());

    const byAddress = new X509Certificate((await serverCredentials("127.0.0.1")).certificatePem);
    expect(byAddress.checkIP("127.0.0.1")).toBe("127.0.0.1");
    const stored = await db().pkiCredential.findUnique({ where: { name: "server:127.0.0.1" } });
    expect(stored?.keyEncrypted).not.toMatch(/PRIVATE KEY/);
  });

  it("replaces the server certificate once it nears expiry, and only then", async () => {
    const host = "renewed.example.test";
    const first = await serverCredentials(host);
    // A month from now, as if eleven months had passed.
    const soon = new Date(Date.now() + 29 * 86_400_000);
    await db().pkiCredential.update({ where: { name: `server:${host}` }, data: { notAfter: soon } });
    const [renewed, concurrent] = await Promise.all([serverCredentials(host), serverCredentials(host)]);
    expect(renewed.certificatePem).not.toBe(first.certificatePem);
    expect(concurrent.certificatePem).toBe(renewed.certificatePem);
    expect(new X509Certificate(renewed.certificatePem).checkPrivateKey(createPrivateKey(renewed.keyPem))).toBe(true);
    expect((await serverCredentials(host)).certificatePem).toBe(renewed.certificatePem);
  });

  it("lets a device certificate and the server certificate complete a mutual-TLS handshake", async () => {
    const me = await tenant();
    const id = await claimedDevice(me);
    const device = await issueDeviceCertificate(undefined, { deviceId: id, accountId: me.accountId });
    const server = await serverCredentials("localhost");
    const listener = tls.createServer({
      cert: server.certificatePem,
      key: server.keyPem,
      ca: server.caPem,
      requestCert: true,
      rejectUnauthorized: true,
    });
    const presented = new Promise<Buffer>((resolve) =>
      listener.on("secureConnection", (socket) => {
        resolve(socket.getPeerCertificate().raw);
        socket.end();
      }),
    );
    listener.listen(0, "127.0.0.1");
    await once(listener, "listening");
    try {
      const client = tls.connect({
        port: (listener.address() as AddressInfo).port,
        host: "127.0.0.1",
        servername: "localhost",
        ca: await deviceCaPem(),
        cert: device.certificatePem,
        key: device.keyPem,
      });
      await once(client, "secureConnect");
      expect(client.authorized).toBe(true);
      // What the broker sees of the device is the certificate it stands by.
      expect(await certificateStanding(await presented, id)).toEqual({
        deviceId: id,
        accountId: me.accountId,
        serial: device.serial,
      });
      client.destroy();
    } finally {
      listener.close();
    }
  });

  it("refuses a certificate it did not issue, or one naming another device", async () => {
    const me = await tenant();
    const id = await claimedDevice(me);
    const device = await issueDeviceCertificate(undefined, { deviceId: id, accountId: me.accountId });
    expect(await certificateStanding(device.certificatePem, "SOMEONEELSE")).toBeNull();
    // Signed by our CA but not recorded (a server certificate): not a device.
    expect(await certificateStanding((await serverCredentials("localhost")).certificatePem)).toBeNull();
    expect(await certificateStanding("not a certificate")).toBeNull();
    await db().deviceCertificate.delete({ where: { serial: device.serial } });
    expect(await certificateStanding(device.certificatePem)).toBeNull();
  });
});
