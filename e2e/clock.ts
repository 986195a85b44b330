import { request } from "node:http";
import path from "node:path";

// The e2e server's clock (e2e/server-clock.ts), stopped and moved on by a spec through a socket.

/** The control socket of the server on `port`; the spec and the server derive it alike. */
export const clockSocket = (port: string | number) => path.resolve(".test-data", `e2e-clock-${port}.sock`);

export type ClockAction = "stop" | "advance" | "resume";

function send(action: ClockAction, ms = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = request(
      { socketPath: clockSocket(process.env.E2E_PORT ?? 3100), method: "POST", path: `/${action}?ms=${ms}` },
      (answer) => {
        answer.resume();
        if (answer.statusCode === 200) resolve();
        else reject(new Error(`server clock: ${action} answered ${answer.statusCode}`));
      },
    );
    call.on("error", reject);
    call.end();
  });
}

/**
 * Stops the server's clock: until `resume`, the server reads the same time, and only `advance`
 * moves it. Timers stay real. Resuming goes on from the moved time, never back.
 */
export const serverClock = {
  stop: () => send("stop"),
  advance: (ms: number) => send("advance", ms),
  resume: () => send("resume"),
};
