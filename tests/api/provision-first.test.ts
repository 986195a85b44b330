import { expect, it } from "vitest";
import { call } from "./client";
import { deviceWithToken, tenant } from "./fixtures";

// Its own file, so its database has no CA yet: the first provisions of a new cloud race to create
// it (on PostgreSQL, a creation inside each provisioning transaction aborted all but one).
it("answers every one of the first provisions of a new cloud, made at once", async () => {
  const me = await tenant();
  const devices = [];
  for (let i = 0; i < 6; i++) devices.push(await deviceWithToken(me));
  const answers = await Promise.all(
    devices.map(({ id, token }) => call("/tok/device/provision", { token, body: { id } })),
  );
  expect(answers.map((a) => a.status)).toEqual(devices.map(() => 200));
});
