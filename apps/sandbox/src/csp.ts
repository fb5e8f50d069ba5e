/**
 * The sandbox's Content-Security-Policy: everything from its own origin and nothing else, so a
 * training page can never send a trainee's (synthetic) data to a real server. The build puts it
 * in a `<meta>` tag; scripts/serve.mjs sends the same policy as a header (plus what only a
 * header can say, `frame-ancestors`).
 *
 * `'unsafe-eval'`: Ajv (in @bosv2/mock and @bosv2/ui) compiles the contract's JSON Schemas into
 * functions at run time. It lets code of this origin build code; it lets nothing load from or
 * talk to another origin. It can go once those packages ship precompiled (standalone) validators.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
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
