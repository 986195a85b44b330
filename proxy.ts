import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/http/security-headers";

// Pages only (see the matcher): a fresh nonce per request, which Next puts on its own scripts when
// it finds the policy on the request, and the path, so the portal layout can send a signed-out
// visitor to sign-in and back. Authentication itself is never decided here (docs/style.md#adapters-stay-thin).
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "production");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-fleetport-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|tok/|builder/|files/|hooks/|floor/|livez|swagger/assets/|_next/static|_next/image|icon.svg).*)"],
};
