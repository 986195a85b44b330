export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="py-8 text-center text-sm text-muted">
      Loading {what}…
    </p>
  );
}
