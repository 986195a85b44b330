import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { countAccounts } from "../../lib/db/accounts";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { newClaimId } from "../../lib/ids";
import type { CallContext } from "../../lib/services/context";
import { registerDevice } from "../../lib/services/devices";
import { signUp } from "../../lib/services/identity";
import { createProduct } from "../../lib/services/products";

// Demo data, made through the same services the API uses: the deployment's owner, a product, and
// devices registered exactly as agents register, waiting to be claimed.
const DEMO_FILE = "demo.json";

interface Demo {
  email: string;
  password: string;
  productToken: string;
  claimIds: string[];
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
  if (existsSync(file)) {
    const demo = JSON.parse(readFileSync(file, "utf8")) as Demo;
    return printDemo(say, demo);
  }
  if ((await countAccounts(db())) > 0) {
    say("Demo data skipped: this database already has accounts (use a fresh DATA_DIR for a demo).");
    return;
  }
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
    claimIds.push(id);
  }
  const demo: Demo = { email, password, productToken: product.token, claimIds };
  writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  printDemo(say, demo);
}

const label = (id: string) => `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase();

/** What to do next: sign in, bring the devices to life with the simulator, claim them by their labels. */
function printDemo(say: (line: string) => void, demo: Demo) {
  say(`Demo owner: ${demo.email} / ${demo.password}`);
  say(`Product token (Demo Thermostat): ${demo.productToken}`);
  say(`Devices waiting to be claimed (${demo.claimIds.length}): ${demo.claimIds.map(label).join(", ")}`);
  say("To make them poll like real agents, run in another terminal:");
  say(`  npm run simulate -- --product ${demo.productToken} --ids ${demo.claimIds.join(",")} --url ${env().appOrigin}`);
}
