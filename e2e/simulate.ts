import { spawn } from "node:child_process";
import { expect } from "@playwright/test";
import { ORIGIN } from "./owner";

/** The simulator lists a label once its device has registered: only then can it be claimed. */
const LABEL = /^ {2}([0-9A-Z]{5}-[0-9A-Z]{5})$/m;

/** Options of `npm run simulate` beyond the agent count, product and URL, e.g. ["--temperature", "35"]. */
type ExtraArgs = readonly string[];

/** `npm run simulate` with one agent and this product token, as a person runs it (a reading a second). */
export function startSimulator(productToken: string, extra: ExtraArgs = []) {
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
    "--interval",
    "1",
    ...extra,
  ]);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    output: () => output,
    kill: () => child.kill(),
    /** The label ID the simulator prints for its device, once it has registered. */
    async label(): Promise<string> {
      await expect.poll(() => LABEL.exec(output)?.[1], { timeout: 15_000 }).toBeTruthy();
      return LABEL.exec(output)![1]!;
    },
  };
}
