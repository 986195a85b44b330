import { request } from "node:http";
import path from "node:path";

// The e2e server's clock (e2e/server-clock.ts), stopped and moved on by a spec through a socket.

/** The control socket of the server on `port`; the spec and the server derive it alike. */
export const clockSocket = (port: string | number) => path.resolve(".test-data", `e2e-clock-${port}.sock`);

export type ClockAction = "stop" | "advance" | "resume";

/** Asks the server's clock to act; answers the time it reads afterwards (epoch ms). */
function send(action: ClockAction, ms = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      { socketPath: clockSocket(process.env.E2E_PORT ?? 3100), method: "POST", path: `/${action}?ms=${ms}` },
      (answer) => {
        let body = "";
        answer.on("data", (chunk: Buffer) => (body += chunk.toString()));
        answer.on("end", () =>
          answer.statusCode === 200
            ? resolve(Number(body))
            : reject(new Error(`server clock: ${action} answered ${answer.statusCode}: ${body}`)),
        );
      },
    );
    call.on("error", reject);
    call.end();
  });
}

/**
 * Stops the server's clock: until `resume`, the server reads the same time, and only `advance`
 * moves it. Timers stay real. `resume` returns to the real time (what was written meanwhile keeps
 * the times it was written with).
 */
export const serverClock = {
  stop: () => send("stop"),
  advance: (ms: number) => send("advance", ms),
  resume: () => send("resume"),
};
