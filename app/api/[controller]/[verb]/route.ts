import { controllerRoute } from "@/lib/http/route-adapter";

// POST /api/<controller>/<verb> — login access token + Origin. Every method is answered so a GET
// gets the same 405 error body and X-Request-ID as any other error.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = controllerRoute("api");
