import { afterEach, describe, expect, it, vi } from "vitest";
import { apiClient, ApiClientError } from "../../lib/api/client";
import { createAccount } from "../../lib/contracts/account";
import { findAudit } from "../../lib/contracts/audit";

// The client checks input with the verb's contract before sending: refused input never reaches
// the network, and comes back as the same fields the API would answer.
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the API client's input check", () => {
  it("refuses an empty account name without a request, naming the field", async () => {
    const network = vi.fn();
    vi.stubGlobal("fetch", network);
    const refused = await apiClient("")
      .call(createAccount, { name: "  ", email: "me@example.com", password: "correct horse battery" })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiClientError);
    expect(refused).toMatchObject({
      status: 400,
      type: "validation_error",
      requestId: null,
      fields: [{ name: "name", message: "Required" }],
    });
    expect(network).not.toHaveBeenCalled();
  });

  it("checks a list's filters too, and sends valid input as typed", async () => {
    const network = vi.fn<typeof fetch>(async () => Response.json({ data: [], next: null, prev: null }));
    vi.stubGlobal("fetch", network);
    const api = apiClient("fpl_x");
    await expect(api.list(findAudit, { created__gte: "yesterday" })).rejects.toMatchObject({
      fields: [{ name: "created__gte" }],
    });
    expect(network).not.toHaveBeenCalled();
    await api.list(findAudit, { actor: " alice@example.com " });
    expect(network).toHaveBeenCalledOnce();
    const [, sent] = network.mock.calls[0]!;
    expect(JSON.parse(String(sent?.body))).toEqual({ actor: " alice@example.com " });
  });
});
