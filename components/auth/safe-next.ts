/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | undefined | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/devices";
}
