import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "../../app/builder/ca.pem/route";
import { deviceCaPem } from "../../lib/pki";
import { ORIGIN } from "./client";

describe("GET /builder/ca.pem", () => {
  it("answers the device CA certificate to anyone, with a request ID", async () => {
    const response = await GET(new Request(`${ORIGIN}/builder/ca.pem`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-pem-file");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9A-Z]{26}$/);
    const pem = await response.text();
    expect(pem).toBe(await deviceCaPem());
    expect(new X509Certificate(pem).ca).toBe(true);
  });

  it("keeps the request ID the server in front gave", async () => {
    const requestId = "01JABCDEFGHJKMNPQRSTVWXYZ0";
    const response = await GET(new Request(`${ORIGIN}/builder/ca.pem`, { headers: { "x-request-id": requestId } }));
    expect(response.headers.get("x-request-id")).toBe(requestId);
  });
});
