import { controllerRoute } from "@/lib/http/route-adapter";

// POST /tok/<controller>/<verb> — CloudAPI tokens, and device tokens on device verbs.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = controllerRoute("tok");
