"use client";
import { useDeferredValue, useState } from "react";
import { fieldErrorOf } from "@/lib/api/field-error";
import { auditKeys } from "@/lib/api/query-keys";
import { usePagedList } from "@/lib/api/use-paged-list";
import { findAudit } from "@/lib/contracts/audit";
import { Button } from "../ui/button";
import { ListStates } from "../ui/list-states";
import { PageHeader } from "../ui/page-header";
import { AuditFilters, auditBody, NO_FILTERS, type AuditFilterValues } from "./audit-filters";
import { AuditTable } from "./audit-rows";

// audit/find for admins. No `order` is sent: the API's default for the trail is newest first.
export function AuditPage() {
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  // The inputs stay responsive while the table catches up with what is typed.
  const deferred = useDeferredValue(values);

  const filters = auditBody(deferred);
  const {
    list: events,
    setCursor,
    reset,
  } = usePagedList({ keys: auditKeys, contract: findAudit, input: filters, query: { limit: 50 } });
  const fieldError = (name: string) => fieldErrorOf(events.error, name);
  const filtered = Object.keys(filters).length > 0;

  function change(next: AuditFilterValues) {
    // A cursor belongs to the filters it was read with.
    setValues(next);
    reset();
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
      <ListStates
        list={events}
        what="the audit trail"
        onPage={setCursor}
        empty={
          <p className="py-8 text-center text-sm text-muted">
            {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
          </p>
        }
      >
        {(rows) => <AuditTable events={rows} />}
      </ListStates>
    </>
  );
}
