import { describe, expect, it } from "vitest";
import { safeNext } from "../../components/auth/safe-next";
import { parseClaimIds } from "../../components/devices/claim-ids";
import { navLinksFor } from "../../components/shell/nav-links";

describe("claim dialog input", () => {
  it("takes one ID per line or comma, drops blanks and repeats of the same label", () => {
    expect(parseClaimIds(" abcde-12345 \n\nABCDE12345\n  fghij 67890 , KLMNO-00000;")).toEqual([
      "abcde-12345",
      "fghij 67890",
      "KLMNO-00000",
    ]);
    expect(parseClaimIds(" \n , ")).toEqual([]);
  });
});

describe("where sign-in returns to", () => {
  it.each([
    ["/devices/ABC", "/devices/ABC"],
    ["/tokens?x=1", "/tokens?x=1"],
    ["//evil.example", "/devices"],
    ["/\\evil.example", "/devices"],
    ["https://evil.example/", "/devices"],
    [undefined, "/devices"],
  ])("%s → %s", (next, expected) => expect(safeNext(next)).toBe(expected));
});

describe("the portal's sections", () => {
  it("show each role only what the API lets it use", () => {
    const labels = (role: Parameters<typeof navLinksFor>[0]) => navLinksFor(role).map((link) => link.label);
    const fleet = ["Dashboards", "Devices", "Alerts", "Actions", "Maintenance"];
    expect(labels("owner")).toEqual([...fleet, "Products", "Users", "Tokens", "Audit", "API"]);
    expect(labels("admin")).toEqual([...fleet, "Users", "Tokens", "Audit", "API"]);
    expect(labels("viewer")).toEqual([...fleet, "Users", "API"]);
  });
});
