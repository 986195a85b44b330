import { describe, expect, it } from "vitest";
import { call, unique, type Answer } from "./client";
import { PASSWORD, tenant } from "./fixtures";

// Every verb that sets a password refuses common, breached, repetitive and context-made ones with
// 400 and a message on the password field, and changes nothing.
const WEAK = ["password", "12345678", "        ", "qwertyuiop", "iloveyou1234"];

function expectRefused(answer: Answer, field: string): void {
  expect([answer.status, answer.json?.type], answer.text).toEqual([400, "validation_error"]);
  expect(answer.json.fields).toEqual([{ name: field, message: expect.stringMatching(/^Choose a harder password: /) }]);
}

describe("the password policy", () => {
  it("refuses weak passwords at sign-up, and one made of the email, and creates nothing", async () => {
    await tenant();
    const email = `${unique("jane")}@example.test`;
    const signUp = (password: string) => call("/api/account/create", { body: { name: "Acme", email, password } });
    for (const password of [...WEAK, email, `acme ${email.split("@")[0]}`])
      expectRefused(await signUp(password), "password");
    expect((await signUp(PASSWORD)).status).toBe(200);
  });

  it("refuses a weak password when an invite is accepted, and the invite stays usable", async () => {
    const admin = await tenant();
    const email = `${unique("invitee")}@example.test`;
    const invited = await call("/api/user/create", { token: admin.token, body: { email, role: "viewer" } });
    const accept = (password: string) =>
      call("/api/user/login", { body: { invite: invited.json.data.invite, password } });
    for (const password of WEAK) expectRefused(await accept(password), "password");
    expect((await accept("violet kettle 58 orbit")).status).toBe(200);
  });

  it("refuses a weak new password and keeps the old one", async () => {
    const me = await tenant();
    for (const newPassword of WEAK) {
      const answer = await call("/api/user/changePassword", {
        token: me.token,
        body: { password: PASSWORD, newPassword },
      });
      expectRefused(answer, "newPassword");
    }
    expect((await call("/api/auth", { body: { email: me.email, password: PASSWORD } })).status).toBe(200);
  });
});
