import { sessionRouteHandler } from "@/lib/session/server";

// next-auth's sign-in, sign-out and session endpoints for the portal (scripts use POST /api/auth).
const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  sessionRouteHandler()(request, context);

export { handler as GET, handler as POST };
