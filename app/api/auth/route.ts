import { fixedRoute } from "@/lib/http/route-adapter";

// POST /api/auth — the scripts' login: a login access token bound to the request's Origin.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = fixedRoute({ surface: "auth" });
