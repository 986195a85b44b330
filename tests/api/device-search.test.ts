import { describe, expect, it } from "vitest";
import { call } from "./client";
import { claimedDevice, tenant } from "./fixtures";

// device/find's `filter=` reads an ID the way device/claim does: as printed on the label.
describe("device search", () => {
  it("finds a device by its label ID in any case, with dashes or spaces, and still by name", async () => {
    const me = await tenant();
    const id = await claimedDevice(me);
    const other = await claimedDevice(me);
    await call("/api/device/update", { token: me.token, body: { id: other, name: "Boiler room - east" } });
    const found = async (text: string) => {
      const answer = await call("/api/device/find", { token: me.token, query: `filter=${encodeURIComponent(text)}` });
      expect(answer.status, answer.text).toBe(200);
      return answer.json.data.map((device: { id: string }) => device.id);
    };
    const label = `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase();
    expect(await found(label)).toEqual([id]);
    expect(await found(` ${id.slice(0, 5)} ${id.slice(5)} `.toLowerCase())).toEqual([id]);
    expect(await found(id.slice(2, 8).toLowerCase())).toEqual([id]);
    expect(await found("boiler room - EAST")).toEqual([other]);
    expect(await found("-")).toEqual([other]);
  });
});
