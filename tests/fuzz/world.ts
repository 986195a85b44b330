import type { Hints } from "./arbitraries";

// The data a fuzz run acts on, made through the API itself so that the same code serves the
// in-process suite and a run over HTTP: an owner, a tenant with devices, tokens, an invitee, an
// alert and a maintenance window, and a second tenant whose ids the first must never reach.

export interface WireRequest {
  path: string;
  /** Without the leading "?"; empty for none. */
  query: string;
  headers: Record<string, string>;
  body: string;
}
export interface WireAnswer {
  status: number;
  headers: Headers;
  text: string;
}
/** One request over some transport: the in-process dispatcher or HTTP. */
export type Send = (request: WireRequest) => Promise<WireAnswer>;

export interface Credentials {
  email: string;
  password: string;
}

/** Headers that carry a credential, by the security scheme of the document that names them. */
type Actor = Record<"loginToken" | "cloudToken", Record<string, string>>;

const random = () => Math.random().toString(36).slice(2, 10);
const claimId = () => random().toUpperCase().padEnd(8, "0") + "FZ";

async function post(send: Send, path: string, body: unknown, headers: Record<string, string> = {}) {
  const answer = await send({
    path,
    query: "",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (answer.status !== 200) throw new Error(`fuzz set-up: ${path} answered ${answer.status} ${answer.text}`);
  const json = JSON.parse(answer.text) as { data?: unknown };
  return (json.data ?? json) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- set-up reads what came back
}

export async function signUp(send: Send): Promise<Credentials & { accountId: string; userId: string }> {
  const credentials = { email: `fuzz-${random()}@example.test`, password: `fuzz password ${random()}` };
  const created = await post(send, "/api/account/create", { name: `Fuzz ${random()}`, ...credentials });
  return { ...credentials, accountId: created.account.id, userId: created.user.id };
}

async function actorOf(send: Send, credentials: Credentials, origin: string, role: string) {
  const login = await post(send, "/api/auth", { email: credentials.email, password: credentials.password }, { origin });
  const loginToken = { authorization: `Bearer ${login.token}`, origin };
  const cloud = await post(send, "/api/token/create", { name: `fuzz ${random()}`, role }, loginToken);
  return {
    actor: { loginToken, cloudToken: { authorization: cloud.token } } as Actor,
    cloudTokenId: cloud.id as string,
  };
}

export class World {
  owner!: Actor;
  tenant!: Actor;
  productToken = "";
  /** Known values by "<controller>.<property>" ("*" for any controller). */
  private known = new Map<string, unknown[]>();

  private constructor(
    private readonly send: Send,
    private readonly origin: string,
    private readonly ownerCredentials: Credentials,
  ) {}

  /** Builds the world on a deployment whose owner signs in with `owner`. */
  static async build(send: Send, origin: string, owner: Credentials): Promise<World> {
    const world = new World(send, origin, owner);
    await world.renew();
    return world;
  }

  /**
   * Builds it anew. The fuzzer may sign a tenant out, close its account, revoke its tokens, use
   * its invite, rotate the product token: the data of a world is good until a case says otherwise.
   */
  async renew(): Promise<void> {
    const { send, origin } = this;
    this.owner = (await actorOf(send, this.ownerCredentials, origin, "owner")).actor;
    const product = await post(send, "/api/product/create", { name: `fuzz ${random()}` }, this.owner.loginToken);
    this.productToken = product.token;
    const me = await signUp(send);
    const { actor, cloudTokenId } = await actorOf(send, me, origin, "admin");
    this.tenant = actor;
    const asTenant = (path: string, body: unknown) => post(send, path, body, actor.loginToken);
    const spare = await asTenant("/api/token/create", { name: `spare ${random()}`, role: "viewer" });
    const invited = await asTenant("/api/user/create", { email: `fuzz-${random()}@example.test`, role: "viewer" });
    const devices = [claimId(), claimId(), claimId()];
    for (const id of devices) await post(send, "/builder/device/register", { id }, { authorization: product.token });
    for (const id of devices.slice(1)) await asTenant("/api/device/claim", { id });
    const [fleet] = (await asTenant("/api/dashboard/find", {})) as unknown as Array<{ id: string }>;
    const claimed = devices.slice(1);
    const alert = await asTenant("/api/alert/create", { name: "fuzz", deviceId: claimed[0], seq: random() });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const window = await asTenant("/api/maintenance/create", { scope: "account", until, reason: "fuzz" });
    const action = await asTenant("/api/action/create", { name: `fuzz ${random()}`, trigger: "manual", type: "alert" });
    const other = await signUp(send);
    this.known = new Map<string, unknown[]>([
      ["*.Origin", [origin]],
      ["*.accountId", [me.accountId, other.accountId]],
      ["account.id", [me.accountId, other.accountId]],
      ["action.id", [action.id]],
      ["action.name", [action.name]],
      ["dashboard.id", [fleet!.id]],
      ["alert.id", [alert.id]],
      ["alert.ids", [[alert.id]]],
      ["alert.deviceId", claimed],
      ["maintenance.id", [window.id]],
      ["maintenance.targetId", claimed],
      ["auth.email", [me.email]],
      ["auth.password", [me.password]],
      ["device.id", devices],
      ["device.product", [product.token]],
      ["product.id", [product.id]],
      ["token.id", [cloudTokenId, spare.id]],
      ["user.id", [me.userId, invited.user.id]],
      ["user.invite", [invited.invite]],
    ]);
  }

  /** Known good values for a property of a controller's verbs. */
  hintsFor(controller: string): Hints {
    return (property) => [
      ...(this.known.get(`${controller}.${property}`) ?? []),
      ...(this.known.get(`*.${property}`) ?? []),
    ];
  }
}
