import "server-only";
import NextAuth, { getServerSession, type NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "../env";
import { signInWithPassword } from "./sign-in";
import type { PortalSession } from "./types";

// The one module on the server that knows next-auth (decision 007). authorize() signs in through
// the same verb pipeline as POST /api/auth, so the portal gets a login access token bound to the
// browser's Origin; next-auth only carries it in its encrypted cookie.

function options(): NextAuthOptions {
  const config = env();
  return {
    secret: config.authSecret,
    // The cookie lives no longer than the token's idle timeout; the API decides before that.
    session: { strategy: "jwt", maxAge: Math.floor(config.sessionIdleMs / 1000) },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const headers = (request.headers ?? {}) as Record<string, string | undefined>;
          const { user, token } = await signInWithPassword(credentials, headers);
          return {
            id: user.id,
            email: user.email,
            name: [user.first, user.last].join(" ").trim() || user.email,
            accountId: user.accountId,
            role: user.role,
            accessToken: token,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) Object.assign(token, { portal: toPortalSession(user as unknown as Record<string, string>) });
        return token;
      },
      session({ session, token }) {
        return { ...session, portal: (token as { portal?: PortalSession }).portal } as typeof session;
      },
    },
  };
}

const toPortalSession = (user: Record<string, string>): PortalSession => ({
  accessToken: user.accessToken ?? "",
  user: {
    id: user.id ?? "",
    email: user.email ?? "",
    name: user.name ?? "",
    accountId: user.accountId ?? "",
    role: user.role as PortalSession["user"]["role"],
  },
});

/** The route handler behind /api/auth/[...nextauth]. */
export function sessionRouteHandler() {
  return NextAuth(options());
}

/** The signed-in session of the current request, or null (server components only). */
export async function currentSession(): Promise<PortalSession | null> {
  const session = (await getServerSession(options())) as { portal?: PortalSession } | null;
  return session?.portal?.accessToken ? session.portal : null;
}
