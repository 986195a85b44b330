import { describe, expect, it } from "vitest";
import { deviceWithToken, tenant } from "./fixtures";

// Ordinary requests at once: a product's token lookup (root client) and another request's
// register or claim transaction can be issued in the same tick, and Prisma then sends them
// together (decision 011). Each must still be answered as if it ran alone.

describe("devices set up at once", () => {
  it("are all registered, claimed and given their tokens", async () => {
    const session = await tenant();
    for (let round = 0; round < 3; round++) {
      const devices = await Promise.all(Array.from({ length: 6 }, () => deviceWithToken(session)));
      expect(new Set(devices.map((device) => device.id)).size).toBe(6);
    }
  });
});
