import { fixedRoute } from "@/lib/http/route-adapter";

// POST /builder/device/register — the Ioto agent's first contact, with its product token.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = fixedRoute({ surface: "builder" });
