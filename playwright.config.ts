import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end against the production server (`npm start`: next build + our node:http front) on a
// fresh database, in Debian's Chromium (never a downloaded browser).
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
const dataDir = path.resolve(".test-data", `e2e-${Date.now()}`);

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The server's clock can be stopped and moved on by a spec (e2e/server-clock.ts).
    command: "node --import tsx --import ./e2e/server-clock.ts scripts/start.ts",
    url: `${BASE_URL}/livez`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // The MQTT broker's port follows the HTTP one, so that side-by-side suites do not share it.
    env: {
      PORT: String(PORT),
      MQTT_PORT: String(PORT + 10_000),
      APP_ORIGIN: BASE_URL,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
  },
});
