/**
 * The sandbox's Content-Security-Policy: everything from its own origin and nothing else, so a
 * training page can never send a trainee's (synthetic) data to a real server. The build puts it
 * in a `<meta>` tag; scripts/serve.mjs sends the same policy as a header (plus what only a
 * header can say, `frame-ancestors`).
 *
 * No `'unsafe-eval'`: the contract's JSON Schemas are validated by functions precompiled in
 * @bosv2/mock (`@bosv2/mock/validators`, also given to @bosv2/ui's forms), so no code is built
 * at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
