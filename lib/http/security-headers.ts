// The Content-Security-Policy of every page (proxy.ts). The headers every answer carries are in
// next.config.mjs.

/**
 * A page's policy: scripts only with this request's nonce (and what they load, 'strict-dynamic'),
 * never eval in production, no framing. Styles allow inline attributes: React and Swagger UI set
 * them, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
