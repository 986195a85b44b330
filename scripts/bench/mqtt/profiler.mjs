// bench:mqtt --profile: loaded into the server process (NODE_OPTIONS --import), a CPU profiler that
// each SIGUSR2 starts or stops; a stopped profile is written to BENCH_PROFILE_DIR as
// <n>.cpuprofile (n counting from 1), for the benchmark to read where the server's time went.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_PROFILE_DIR;
if (dir && process.argv.some((arg) => arg.endsWith(path.join("scripts", "start.ts")))) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 500 }));
  let running = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    running = !running;
    if (running) return session.post("Profiler.start");
    session.post("Profiler.stop", (error, answer) => {
      if (!error) writeFileSync(path.join(dir, `${++written}.cpuprofile`), JSON.stringify(answer.profile));
    });
  });
}
