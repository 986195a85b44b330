import { expect, it } from "vitest";
import { findActionSubjects } from "../../../lib/db/action-subjects";
import { db } from "../../../lib/db/client";
import { newId } from "../../../lib/ids";
import { tenant } from "../fixtures";

// bench:actions' 1,000 metric actions once stopped the engine on SQLite: reading where their
// subjects stood passed the engine's limit of bound values.
it("reads where the subjects of 1,200 actions stand", async () => {
  const me = await tenant();
  const ids = Array.from({ length: 1200 }, () => newId());
  await db().action.createMany({
    data: ids.map((id, n) => ({
      id,
      accountId: me.accountId,
      name: `a${n}`,
      trigger: "metric",
      type: "alert",
      secret: "x",
    })),
  });
  const last = ids.at(-1)!;
  await db().actionSubject.create({ data: { actionId: last, subject: "s", state: "pending", since: new Date(0) } });
  expect(await findActionSubjects(db(), ids)).toMatchObject([{ actionId: last, subject: "s" }]);
});
