import { spawn } from "node:child_process";
import { expect } from "@playwright/test";
import { ORIGIN } from "./owner";

/** The line an agent prints once its first registration is answered: only then can it be claimed. */
const REGISTERED = /^\[([0-9A-Z]{5}-[0-9A-Z]{5})\] registered: waiting to be claimed$/m;

/** `npm run simulate` with one agent and this product token, as a person runs it. */
export function startSimulator(productToken: string) {
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    "scripts/simulate.ts",
    "--count",
    "1",
    "--product",
    productToken,
    "--url",
    ORIGIN,
  ]);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    output: () => output,
    exited,
    kill: () => child.kill(),
    /** The label ID the simulator prints for its device, once it has registered. */
    async label(): Promise<string> {
      await expect.poll(() => REGISTERED.exec(output)?.[1], { timeout: 15_000 }).toBeTruthy();
      return REGISTERED.exec(output)![1]!;
    },
  };
}
