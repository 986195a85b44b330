import type { Config } from "tailwindcss";

// The theme lives here and is loaded by app/globals.css (`@config`), so this file is live.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: { brand: "#0b5fff", ink: "#111827", surface: "#f8fafc" },
      fontFamily: { sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
    },
  },
} satisfies Config;
