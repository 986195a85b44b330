import type { z } from "zod";
import type { authLogin } from "../contracts/user";
import { clientAddressOf } from "../http/client-address";
import { requestIdOf } from "../http/request-id";
import { invoke } from "../pipeline/invoke";

// The portal's sign-in is the auth/login verb through the same pipeline as POST /api/auth: the same
// per-address limit, input contract, failed-login throttle and audit trail. next-auth only carries
// the login access token it answers (lib/session/server.ts).

type LoginSession = z.infer<typeof authLogin.output>;

/**
 * Signs in with the form's email and password, from the headers of the request that posted them
 * (lower-case names). Throws an Error whose message the sign-in form shows, a lockout's wait included.
 */
export async function signInWithPassword(
  credentials: Partial<Record<"email" | "password", unknown>> | undefined,
  headers: Readonly<Record<string, string | undefined>>,
): Promise<LoginSession> {
  const outcome = await invoke({
    route: { surface: "auth" },
    caller: { kind: "anonymous" },
    input: { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? "") },
    requestId: requestIdOf(headers["x-request-id"]),
    address: clientAddressOf(headers["x-forwarded-for"]),
    origin: headers.origin ?? null,
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  // auth/login answers {data: its output} (lib/contracts/user.ts), parsed by the pipeline.
  return (outcome.answer as { data: LoginSession }).data;
}
