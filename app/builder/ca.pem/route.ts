import { requestIdOf } from "@/lib/http/request-id";
import { deviceCaPem } from "@/lib/pki";

// The device CA certificate, public: the agent's `mqtt.authority` (decision 013).
export async function GET(request: Request): Promise<Response> {
  const requestId = requestIdOf(request.headers.get("x-request-id"));
  return new Response(await deviceCaPem(), {
    headers: {
      "Content-Type": "application/x-pem-file",
      "Content-Disposition": 'attachment; filename="ca.pem"',
      "X-Request-ID": requestId,
    },
  });
}
