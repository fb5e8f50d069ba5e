import type { HttpRequest, HttpResponse } from './request.js';
import { findResponse, type Operation, resolveSchema } from './spec.js';
import { coerceParam, type Validator } from './validator.js';

/** Every check the kit runs, in report order. */
export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'unsupported_method',
  'allow_header_conformance',
  'ignored_auth',
  'use_after_free',
  'ensure_resource_availability',
  'max_response_time',
  'idempotent_replay',
  'lifecycle_order',
  'stale_etag_rejected',
  'pagination_consistency',
] as const;

export type CheckName = (typeof CHECKS)[number];

/** One sentence per check, for the README, the HTML report and `--help`. */
export const CHECK_DESCRIPTIONS: Record<CheckName, string> = {
  not_a_server_error: 'No 5xx answer, unless the contract documents that 5xx for the operation.',
  status_code_conformance:
    'Every status code is documented for the operation (exact, 4XX range or default).',
  content_type_conformance: 'The Content-Type is one the contract documents for that status.',
  response_headers_conformance:
    'Required response headers are present (and ETag/Location where the contract lists them); header values match their schemas.',
  response_schema_conformance:
    'The body validates against the documented schema (Ajv, JSON Schema 2020-12).',
  negative_data_rejection: 'A request that breaks the schemas is never answered 2xx.',
  positive_data_acceptance:
    'A request valid against the schemas is never refused as malformed (400).',
  missing_required_header:
    'Leaving out a required header (Idempotency-Key, If-Match, ...) is refused with a 4xx.',
  unsupported_method: 'A method the path does not document is answered 405.',
  allow_header_conformance: 'A 405 carries an Allow header listing exactly the documented methods.',
  ignored_auth:
    'Protected operations refuse a missing or bogus token (401) and every role not in x-roles (never 2xx).',
  use_after_free: 'After a successful DELETE the resource is gone (never 2xx on it again).',
  ensure_resource_availability: 'A created resource can be read back at once.',
  max_response_time: 'Every answer arrives within the limit (--max-response-time).',
  idempotent_replay:
    'The same Idempotency-Key and body give the same answer; the same key with another body is a 409.',
  lifecycle_order:
    'Reports go DRAFT → SUBMITTED → APPROVED/RETURNED; actions the state does not allow are a 409.',
  stale_etag_rejected: 'A PUT with a stale If-Match is refused with 412.',
  pagination_consistency:
    'Walking nextCursor neither skips nor repeats items, and pages respect limit.',
};

export interface CheckOutcome {
  check: CheckName;
  /** `undefined` = passed. */
  failure?: string;
}

/** Everything a response-level check needs. */
export interface Exchange {
  operation: Operation;
  request: HttpRequest;
  response: HttpResponse;
}

function baseMedia(type: string | undefined): string {
  return (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function mediaMatches(documented: string, actual: string): boolean {
  const d = baseMedia(documented);
  if (d === '*/*' || d === actual) return true;
  const [dt, ds] = d.split('/');
  const [at] = actual.split('/');
  return ds === '*' && dt === at;
}

/** The checks every response goes through. */
export function responseChecks(
  validator: Validator,
  exchange: Exchange,
  maxResponseTimeMs: number,
): CheckOutcome[] {
  const { operation: op, response } = exchange;
  const out: CheckOutcome[] = [];
  const documented = findResponse(op, response.status);
  const isDocumented5xx = documented !== undefined && documented.status === String(response.status);
  out.push({
    check: 'not_a_server_error',
    ...(response.status >= 500 && !isDocumented5xx
      ? { failure: `Server menjawab ${response.status} (server error ${response.status})` }
      : {}),
  });
  out.push({
    check: 'status_code_conformance',
    ...(documented
      ? {}
      : {
          failure: `Status ${response.status} tidak ada di kontrak; yang tercatat: ${op.responses.map((r) => r.status).join(', ')} (status ${response.status} is not documented)`,
        }),
  });
  out.push({
    check: 'max_response_time',
    ...(response.elapsedMs > maxResponseTimeMs
      ? {
          failure: `Jawaban butuh ${Math.round(response.elapsedMs)} ms, batas ${maxResponseTimeMs} ms (response took ${Math.round(response.elapsedMs)} ms, limit ${maxResponseTimeMs} ms)`,
        }
      : {}),
  });
  if (!documented) return out;

  const actualType = baseMedia(response.headers['content-type']);
  const hasBody = response.text.length > 0;
  const media = documented.content.find((m) => mediaMatches(m.mediaType, actualType));
  if (documented.content.length > 0 && hasBody) {
    out.push({
      check: 'content_type_conformance',
      ...(media
        ? {}
        : {
            failure: `Content-Type "${response.headers['content-type'] ?? '(none)'}" bukan ${documented.content.map((m) => m.mediaType).join(' / ')} (undocumented content type)`,
          }),
    });
  } else if (
    documented.content.length > 0 &&
    documented.content.every((m) => /json/.test(m.mediaType)) &&
    !hasBody &&
    response.status !== 204 &&
    exchange.request.method !== 'HEAD'
  ) {
    out.push({
      check: 'content_type_conformance',
      failure:
        'Jawaban tanpa isi padahal kontrak mencatat isi (empty body where the contract documents content)',
    });
  }

  const headerProblems: string[] = [];
  for (const h of documented.headers) {
    const value = response.headers[h.name.toLowerCase()];
    const mustBePresent = h.required || /^(etag|location)$/i.test(h.name);
    if (value === undefined) {
      if (mustBePresent) headerProblems.push(`header ${h.name} tidak ada (missing)`);
      continue;
    }
    if (h.schema !== undefined) {
      const schema = resolveSchema(validator.doc, h.schema);
      const result = validator.validate(h.pointer, coerceParam(schema, value));
      if (!result.valid)
        headerProblems.push(`header ${h.name}="${value}": ${result.errors.join('; ')}`);
    }
  }
  if (documented.headers.length > 0) {
    out.push({
      check: 'response_headers_conformance',
      ...(headerProblems.length ? { failure: `${headerProblems.join('; ')}` } : {}),
    });
  }

  if (media?.schema !== undefined && hasBody) {
    const isJson = /json/.test(actualType) || /json/.test(media.mediaType);
    if (isJson) {
      if (response.json === undefined) {
        out.push({
          check: 'response_schema_conformance',
          failure: 'Isi bukan JSON yang sah (body is not valid JSON)',
        });
      } else {
        const result = validator.validate(media.pointer, response.json);
        out.push({
          check: 'response_schema_conformance',
          ...(result.valid
            ? {}
            : {
                failure: `Isi tidak sesuai skema (body breaks the schema): ${result.errors.join('; ')}`,
              }),
        });
      }
    }
  }
  return out;
}
