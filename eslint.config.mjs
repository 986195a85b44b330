import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const PRISMA = { group: ["**/db/generated/**", "@prisma/*"], message: "Only lib/db touches Prisma." };
const SERVER_LAYERS = {
  group: [
    "**/lib/services/**",
    "**/lib/db/**",
    "**/lib/controllers/**",
    "**/lib/session/server",
    "**/lib/security/**",
    "@/lib/services/*",
    "@/lib/db/*",
    "@/lib/controllers/*",
    "@/lib/session/server",
    "@/lib/security/*",
  ],
  message: "Client code calls the API client, never server layers.",
};
const NEXT_AUTH = { group: ["next-auth", "next-auth/*"], message: "Use the lib/session facade." };

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      "tools/**",
      ".test-data/**",
      ".test-data-reports/**",
      "next-env.d.ts",
    ],
  },
  // Layers point one way (docs/architecture.md#layers): only lib/db touches Prisma; the browser's
  // code never reaches server layers; next-auth stays behind lib/session so it can be replaced
  // (ADR 007).
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["lib/session/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NEXT_AUTH] }] },
  },
  {
    files: [
      "app/**/*.{ts,tsx}",
      "proxy.ts",
      "lib/api/**",
      "lib/contracts/**",
      "lib/controllers/**",
      "lib/http/**",
      "lib/pipeline/**",
      "lib/services/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [NEXT_AUTH, PRISMA] }] },
  },
  {
    files: ["lib/session/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [PRISMA] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NEXT_AUTH, PRISMA, SERVER_LAYERS] }] },
  },
];

export default config;
