import type { UseQueryResult } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import type { ListAnswer } from "@/lib/api/client";
import { Button } from "./button";
import { Loading } from "./loading";
import { ErrorNotice } from "./notice";
import { Pager } from "./pager";

interface ListStatesProps<T> {
  list: UseQueryResult<ListAnswer<T>>;
  /** What is loading, as in "Loading {what}…". */
  what: string;
  /** What a page without rows shows; each list says why it is empty in its own words. */
  empty: ReactNode;
  onPage: ComponentProps<typeof Pager>["onPage"];
  /** The rows of a page that has some. */
  children: (rows: T[]) => ReactNode;
}

/** One page of a list in whichever state it is: loading, failed, empty or rows; then the pager. */
export function ListStates<T>({ list, what, empty, onPage, children }: ListStatesProps<T>) {
  const rows = list.data?.data;
  return (
    <>
      {list.isPending && <Loading what={what} />}
      {list.isError && <ErrorNotice error={list.error} />}
      {rows && (rows.length === 0 ? empty : children(rows))}
      {list.data && <Pager page={list.data} onPage={onPage} />}
    </>
  );
}

/**
 * An empty page of a list whose rows can be removed: on the first page, why the list is empty;
 * on a later one (its rows went away since), the way back to the first.
 */
export function EmptyPage({
  firstPage,
  noun,
  onFirstPage,
  children,
}: {
  firstPage: boolean;
  noun: string;
  onFirstPage: () => void;
  children: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm">
      {firstPage ? (
        children
      ) : (
        <>
          <p>{`No ${noun} on this page.`}</p>
          <Button look="quiet" onClick={onFirstPage}>
            Back to the first page
          </Button>
        </>
      )}
    </div>
  );
}
