/**
 * The client's address from X-Forwarded-For. The server in front (lib/server) overwrites that
 * header with the peer address unless TRUST_PROXY says a proxy of ours sets it.
 */
export function clientAddressOf(forwardedFor: string | null | undefined): string {
  return (forwardedFor ?? "").split(",")[0]!.trim() || "unknown";
}
