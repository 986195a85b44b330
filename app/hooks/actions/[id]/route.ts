import { hookRoute } from "@/lib/http/hook-route";

// POST /hooks/actions/<action ID> — an action's signed inbound webhook (docs/api.md#inbound-webhooks).
export const { GET, HEAD, PUT, PATCH, DELETE, POST, OPTIONS } = hookRoute;
