import type { Config } from "tailwindcss";

// The theme lives here and is loaded by app/globals.css (`@config`), so this file is live.
// Colours are chosen for WCAG AA contrast on white and on `surface`.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#0b5fff", dark: "#0646c2" },
        ink: "#111827",
        muted: "#4b5563",
        surface: "#f8fafc",
        danger: "#b91c1c",
      },
      fontFamily: { sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
    },
  },
} satisfies Config;
