import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "tools/**", ".test-data/**", ".test-data-reports/**", "next-env.d.ts"],
  },
  {
    // Layers point one way (ARCHITECTURE.md): only lib/db touches Prisma; the browser's code
    // never reaches server layers.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/contracts/**", "lib/controllers/**", "lib/http/**", "lib/services/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/db/generated/**", "@prisma/*"], message: "Only lib/db touches Prisma." }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/lib/services/**", "**/lib/db/**", "**/lib/controllers/**", "@/lib/services/*", "@/lib/db/*"], message: "Client code calls the API client, never server layers." }] }],
    },
  },
];

export default config;
