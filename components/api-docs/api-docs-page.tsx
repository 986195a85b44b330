"use client";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { usePortalSession } from "@/lib/session/client";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { SwaggerUi } from "./swagger-ui";

// The reference is the served OpenAPI document, so it cannot disagree with the verb pipeline.
export function ApiDocsPage() {
  const session = usePortalSession();
  const role = useCurrentRole();
  if (!session) return <Loading what="your session" />;
  const { user } = session;

  return (
    <>
      <PageHeader
        title="API"
        actions={
          <a
            href="/api/openapi.json"
            className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
          >
            OpenAPI document
          </a>
        }
      />
      <p className="mb-6 max-w-prose text-sm">
        Calls you make here with “Try it out” are made as you, <strong>{user.email}</strong> ({role}), with your login
        token already filled in under Authorize: they change real data. Paths under <code>/tok</code> take a CloudAPI
        token instead, and <code>/builder</code> a product token; enter those with Authorize.
      </p>
      <SwaggerUi token={session.accessToken} />
    </>
  );
}
