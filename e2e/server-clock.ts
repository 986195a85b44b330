import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { clockSocket, type ClockAction } from "./clock";

// Loaded into the e2e server process only (`--import` in playwright.config.ts): the time it reads,
// which a spec may stop and move on (e2e/clock.ts), so a spec about timed behaviour (the sign-in
// backoff) never waits real time. Only the time read through Date moves; timers stay real.

const RealDate = Date;
let stoppedAt: number | null = null;
const now = () => stoppedAt ?? RealDate.now();

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length > 0 ? args : [now()], newTarget),
  get: (target, key, receiver) => (key === "now" ? now : Reflect.get(target, key, receiver)),
});

const ACTIONS: Record<ClockAction, (ms: number) => void> = {
  stop: () => {
    stoppedAt = now();
  },
  advance: (ms) => {
    if (stoppedAt === null) throw new Error("advance needs a stopped clock");
    stoppedAt += ms;
  },
  resume: () => {
    stoppedAt = null;
  },
};

const socket = clockSocket(process.env.PORT ?? 3100);
mkdirSync(path.dirname(socket), { recursive: true });
rmSync(socket, { force: true });
createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://clock");
  const action = ACTIONS[url.pathname.slice(1) as ClockAction];
  try {
    if (!action) throw new Error(`no clock action ${url.pathname}`);
    action(Number(url.searchParams.get("ms") ?? 0));
    response.writeHead(200).end(String(now()));
  } catch (error) {
    response.writeHead(400).end((error as Error).message);
  }
})
  .listen(socket)
  .unref();
