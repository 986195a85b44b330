import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const apiProject = (name: string, engine: "sqlite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/api/**/*.test.ts"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/per-file-db.ts"],
    // The per-token limit is exercised by its unit tests; here it would only throttle the suites.
    env: { TEST_ENGINE: engine, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

// unit: no database. api: every verb through the real HTTP adapter and pipeline on a real
// database, a fresh copy per test file; api-postgres: the same files on PostgreSQL when
// TEST_POSTGRES_URL is set.
export default defineConfig({
  test: {
    projects: [
      // The fuzz tests of pure code (the condition grammar) need no database: they run with unit.
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/fuzz/**/*.test.ts"] },
      },
      {
        resolve: { alias },
        test: { name: "components", include: ["tests/components/**/*.test.tsx"], environment: "happy-dom" },
      },
      apiProject("api", "sqlite"),
      ...(process.env.TEST_POSTGRES_URL ? [apiProject("api-postgres", "postgres")] : []),
    ],
  },
});
