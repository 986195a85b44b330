import { Button } from "./button";

/** Previous and next pages, through the cursors the API answered. */
export function Pager({
  page,
  onPage,
}: {
  page: { next: string | null; prev: string | null };
  onPage: (cursor: { next?: string; prev?: string }) => void;
}) {
  if (!page.next && !page.prev) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
      <Button look="secondary" disabled={!page.prev} onClick={() => page.prev && onPage({ prev: page.prev })}>
        Previous page
      </Button>
      <Button look="secondary" disabled={!page.next} onClick={() => page.next && onPage({ next: page.next })}>
        Next page
      </Button>
    </nav>
  );
}
