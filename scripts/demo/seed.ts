import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { countAccounts } from "../../lib/db/accounts";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { newClaimId } from "../../lib/ids";
import type { CallContext } from "../../lib/services/context";
import { claimDevice, registerDevice } from "../../lib/services/devices";
import { signUp } from "../../lib/services/identity";
import { createProduct } from "../../lib/services/products";
import { seedHistory } from "./history";

// Demo data, made through the same services the API uses: the deployment's owner, a product, and
// eight devices registered exactly as agents register and claimed into the owner's fleet, with a
// week of their metrics, so the Fleet dashboard has something to show on first start. Every run
// tops the history up to now (scripts/demo/history.ts) and prints the same instructions.
const DEMO_FILE = "demo.json";

interface Demo {
  email: string;
  password: string;
  accountId: string;
  productToken: string;
  /** The devices' IDs, as their labels print them: the simulator takes them to play these devices. */
  claimIds: string[];
  /** The newest instant of seeded history (epoch ms). */
  seededUntil?: number;
}
const system = {
  requestId: "demo",
  address: "local",
  origin: null,
  principal: null,
  accountId: "",
} satisfies CallContext;

export async function seedDemo(say: (line: string) => void): Promise<void> {
  const file = path.join(env().dataDir, DEMO_FILE);
  let demo: Demo;
  if (existsSync(file)) demo = JSON.parse(readFileSync(file, "utf8")) as Demo;
  else if ((await countAccounts(db())) > 0) {
    say("Demo data skipped: this database already has accounts (use a fresh DATA_DIR for a demo).");
    return;
  } else demo = await createDemo();
  // A demo made before metrics existed names no account to keep a history in.
  if (demo.accountId) {
    const history = await seedHistory(demo.accountId, demo.claimIds, demo.seededUntil, Date.now());
    // Saved as soon as the points' one transaction commits: the next run starts after them.
    writeFileSync(file, JSON.stringify({ ...demo, seededUntil: history.until }, null, 2), { mode: 0o600 });
  }
  printDemo(say, demo);
}

async function createDemo(): Promise<Demo> {
  const email = "owner@demo.fleetport.local";
  const password = randomBytes(9).toString("base64url");
  const { account, user } = await signUp(system, { name: "Demo Fleet", email, password });
  const owner: CallContext = {
    ...system,
    accountId: account.id,
    principal: {
      kind: "token",
      tokenId: "demo",
      userId: user.id,
      accountId: account.id,
      role: "owner",
      label: "demo seed",
    },
  };
  const product = await createProduct(owner, {
    name: "Demo Thermostat",
    description: "Simulated devices for the demo",
  });
  const agent: CallContext = {
    ...system,
    principal: { kind: "product", productId: product.id, accountId: account.id, label: product.name },
  };
  const claimIds: string[] = [];
  for (let i = 1; i <= 8; i++) {
    const id = newClaimId();
    await registerDevice(agent, { id, name: `Thermostat ${i}`, model: "TH-1" });
    await claimDevice(owner, { id });
    claimIds.push(id);
  }
  return { email, password, accountId: account.id, productToken: product.token, claimIds };
}

const label = (id: string) => `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase();

/** What to do next: sign in, bring the fleet to life with the simulator, add a device by its label. */
function printDemo(say: (line: string) => void, demo: Demo) {
  const origin = env().appOrigin;
  say(`Demo owner: ${demo.email} / ${demo.password}`);
  say(`Product token (Demo Thermostat): ${demo.productToken}`);
  say(
    `Devices in the demo fleet, with a week of metrics (${demo.claimIds.length}): ${demo.claimIds.map(label).join(", ")}`,
  );
  say("To make them send live metrics as real agents do, run in another terminal:");
  say(`  npm run simulate -- --product ${demo.productToken} --ids ${demo.claimIds.join(",")} --url ${origin}`);
  say(
    `To add a device by claiming its label: npm run simulate -- --count 1 --product ${demo.productToken} --url ${origin}`,
  );
}
