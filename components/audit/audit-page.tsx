"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { ApiClientError, type ListQuery } from "@/lib/api/client";
import { auditKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findAudit } from "@/lib/contracts/audit";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";
import { AuditFilters, auditBody, NO_FILTERS, type AuditFilterValues } from "./audit-filters";
import { AuditTable } from "./audit-rows";

// audit/find for admins. No `order` is sent: the API's default for the trail is newest first.
export function AuditPage() {
  const api = useApi();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  const [cursor, setCursor] = useState<Pick<ListQuery, "next" | "prev">>({});
  // The inputs stay responsive while the table catches up with what is typed.
  const deferred = useDeferredValue(values);

  const filters = auditBody(deferred);
  const query: ListQuery = { limit: 50, ...cursor };
  const events = useQuery({
    queryKey: auditKeys.list(filters, query),
    queryFn: () => api.list(findAudit, filters, query),
    placeholderData: keepPreviousData,
  });
  const fieldError = (name: string) =>
    events.error instanceof ApiClientError ? events.error.fields.find((f) => f.name === name)?.message : undefined;
  const filtered = Object.keys(filters).length > 0;
  const rows = events.data?.data;

  function change(next: AuditFilterValues) {
    // A cursor belongs to the filters it was read with.
    setValues(next);
    setCursor({});
  }

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Sign-ins, tokens, users, claims and products: who did what, from where."
        actions={
          filtered && (
            <Button look="secondary" onClick={() => change(NO_FILTERS)}>
              Clear filters
            </Button>
          )
        }
      />
      <AuditFilters values={values} onChange={change} fieldError={fieldError} />
      {events.isPending && <Loading what="the audit trail" />}
      {events.isError && <ErrorNotice error={events.error} />}
      {rows && rows.length === 0 && (
        <p className="py-8 text-center text-sm text-muted">
          {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
        </p>
      )}
      {rows && rows.length > 0 && <AuditTable events={rows} />}
      {events.data && <Pager page={events.data} onPage={setCursor} />}
    </>
  );
}
