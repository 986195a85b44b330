import { describe, expect, it } from "vitest";
import { findDevices, getDevice } from "../../lib/contracts/device";
import { implement } from "../../lib/controllers/implement";

// The handlers below never run: the type check (npx tsc --noEmit) proves each wrong shape is
// refused, and fails on the @ts-expect-error of any it stops refusing.
const device = {
  id: "ABCDE12345",
  name: "Kitchen",
  description: "",
  model: "",
  product: "Thermostat",
  productId: "P1",
  accountId: null,
  test: false,
  version: "",
  checked: "",
  // Stored as plain text; the output schema checks the value.
  state: "registered" as string,
  connection: "offline",
  registered: "2026-01-01T00:00:00.000Z",
  created: null,
  accessed: null,
  updated: "2026-01-01T00:00:00.000Z",
};

describe("implement()", () => {
  it("types a handler's result by its contract's output", () => {
    // @ts-expect-error -- a field of the wrong type
    implement(getDevice, async () => ({ ...device, test: "no" }));
    // @ts-expect-error -- a field missing
    implement(getDevice, async () => ({ id: device.id, name: device.name }));
    // @ts-expect-error -- a list verb answers a page, not an array
    implement(findDevices, async () => [device]);
    // @ts-expect-error -- a page of items of another shape
    implement(findDevices, async () => ({ items: [{ id: 1 }], next: null, prev: null }));
    implement(findDevices, async () => ({ items: [device], next: null, prev: null }));
    expect(implement(getDevice, async () => device).contract).toBe(getDevice);
  });
});
