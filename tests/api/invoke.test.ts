import { describe, expect, it } from "vitest";
import { newId } from "../../lib/ids";
import { invoke, type Invocation, type Outcome } from "../../lib/pipeline/invoke";
import type { Principal } from "../../lib/services/context";
import { claimedDevice, product, tenant } from "./fixtures";

// The pipeline without HTTP, as the MQTT broker will call it: a principal its transport proved
// (a client certificate) instead of a bearer secret, an input already parsed from a message.
const call = (invocation: Pick<Invocation, "route" | "caller" | "input">) =>
  invoke({ requestId: newId(), address: "10.20.0.1", origin: null, ...invocation });

const refusal = (outcome: Outcome) => (outcome.ok ? "answered" : outcome.error.type);

const viewerOf = (accountId: string): Principal => ({
  kind: "token",
  tokenId: newId(),
  userId: null,
  accountId,
  role: "viewer",
  label: "proven by its transport",
});

describe("invoke", () => {
  it("takes a proven principal through the same surface, role and account checks", async () => {
    const me = await tenant();
    const mine = await claimedDevice(me);
    const theirs = await claimedDevice(await tenant());
    const caller = { kind: "principal", principal: viewerOf(me.accountId) } as const;
    const get = (id: string) =>
      call({ route: { surface: "tok", controller: "device", verb: "get" }, caller, input: { id } });

    expect(await get(mine)).toMatchObject({ ok: true, answer: { data: { id: mine, accountId: me.accountId } } });
    const other = await get(theirs);
    expect(refusal(other)).toBe("not_found");
    const update = await call({
      route: { surface: "tok", controller: "device", verb: "update" },
      caller,
      input: { id: mine, name: "renamed" },
    });
    expect(refusal(update)).toBe("access_denied");
    const wrongSurface = await call({
      route: { surface: "api", controller: "device", verb: "get" },
      caller,
      input: { id: mine },
    });
    expect(refusal(wrongSurface)).toBe("auth_mismatch");
  });

  it("answers every refusal as a typed error, never a throw", async () => {
    const caller = { kind: "anonymous" } as const;
    const unknown = await call({ route: { surface: "tok", controller: "alert", verb: "nope" }, caller, input: {} });
    expect(refusal(unknown)).toBe("unrecognized_request");
    const anonymous = await call({ route: { surface: "tok", controller: "device", verb: "find" }, caller, input: {} });
    expect(refusal(anonymous)).toBe("invalid_auth");
    const invalid = await call({ route: { surface: "auth" }, caller, input: { email: "not an email", password: "x" } });
    expect(refusal(invalid)).toBe("validation_error");
    expect(!invalid.ok && invalid.error.fields?.map((field) => field.name)).toEqual(["email"]);
  });

  it("reads a credential from the input only where the verb declares it (register's product)", async () => {
    const { token } = await product();
    const caller = { kind: "anonymous" } as const;
    const register = await call({
      route: { surface: "builder" },
      caller,
      input: { id: newId().slice(-10), product: token },
    });
    expect(register).toEqual({ ok: true, answer: { registered: true } });
    const elsewhere = await call({
      route: { surface: "tok", controller: "device", verb: "find" },
      caller,
      input: { product: token },
    });
    expect(refusal(elsewhere)).toBe("invalid_auth");
  });
});
