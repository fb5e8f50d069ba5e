import { isJsonMedia, send } from './request.js';
import { type OpenApiDocument, type Operation, resolveSchema, type Schema } from './spec.js';
import type { Validator } from './validator.js';

export interface Credential {
  username: string;
  password: string;
}

/** Parses `role=user:pass` (the password may contain `:`). */
export function parseCredential(text: string): [role: string, credential: Credential] {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':', eq + 1);
  if (eq <= 0 || colon < 0) {
    throw new Error(
      `Format kredensial: role=user:pass (credentials must look like role=user:pass): ${text}`,
    );
  }
  return [
    text.slice(0, eq),
    { username: text.slice(eq + 1, colon), password: text.slice(colon + 1) },
  ];
}

/** Operations that end a session; the kit runs them on throw-away sessions. */
export function endsSession(op: Operation): boolean {
  return /log-?out|sign-?out/i.test(`${op.operationId} ${op.path}`);
}

/** Public POSTs whose success answer carries an `accessToken`: the contract's logins. */
export function findLoginOperations(doc: OpenApiDocument, operations: Operation[]): Operation[] {
  return operations.filter((op) => {
    if (!op.public || op.method !== 'post' || !op.requestBody) return false;
    const ok = op.responses.find((r) => /^2/.test(r.status));
    const media = ok?.content.find((m) => isJsonMedia(m.mediaType));
    if (!media?.schema) return false;
    const schema = resolveSchema(doc, media.schema);
    const props =
      typeof schema === 'object'
        ? (schema.properties as Record<string, Schema> | undefined)
        : undefined;
    if (!props?.accessToken) return false;
    const input = op.requestBody.content.find((m) => isJsonMedia(m.mediaType))?.schema;
    const inputSchema = input ? resolveSchema(doc, input) : undefined;
    const inputProps =
      typeof inputSchema === 'object' ? Object.keys((inputSchema.properties ?? {}) as object) : [];
    return (
      inputProps.some((p) => /password/i.test(p)) && !/register|sign-?up/i.test(op.operationId)
    );
  });
}

/**
 * Logs in with a credential through the contract's login operations (the first that accepts
 * it) and returns the access token.
 */
export async function login(
  doc: OpenApiDocument,
  validator: Validator,
  loginOps: Operation[],
  baseUrl: string,
  credential: Credential,
): Promise<{ token: string; role?: string } | undefined> {
  for (const op of loginOps) {
    const media = op.requestBody?.content.find((m) => isJsonMedia(m.mediaType));
    if (!media?.schema) continue;
    const schema = resolveSchema(doc, media.schema);
    if (typeof schema !== 'object') continue;
    const props = Object.keys((schema.properties ?? {}) as object);
    const passwordProp = props.find((p) => /password/i.test(p));
    const required = ((schema.required as string[] | undefined) ?? props).filter(
      (p) => p !== passwordProp,
    );
    const userProp = required[0] ?? props.find((p) => p !== passwordProp);
    if (!passwordProp || !userProp) continue;
    const body = { [userProp]: credential.username, [passwordProp]: credential.password };
    if (!validator.validate(media.pointer, body).valid) continue;
    const response = await send({
      method: 'POST',
      url: baseUrl.replace(/\/+$/, '') + op.path,
      headers: { 'content-type': media.mediaType, accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const json = response.json as { accessToken?: unknown; user?: { role?: unknown } } | undefined;
    if (response.status >= 200 && response.status < 300 && typeof json?.accessToken === 'string') {
      const result: { token: string; role?: string } = { token: json.accessToken };
      if (typeof json.user?.role === 'string') result.role = json.user.role;
      return result;
    }
  }
  return undefined;
}
