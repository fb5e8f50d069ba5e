import type { FieldError } from './http.js';
import type { StoredEvent } from './store/types.js';

/**
 * Learning events arrive xAPI-shaped from the trainee's SDK outbox:
 * `{ id, actor?, verb, object, result?, timestamp, context? }`. Only what the board and the
 * exports need is kept; the actor is never stored (the trainee is known from their token).
 * See apps/server/README.md ("Learning events") for the accepted shapes.
 */
export const MAX_EVENTS_PER_BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,199}$/;

export interface EventBatch {
  events: Omit<StoredEvent, 'sessionId' | 'traineeId' | 'receivedAt'>[];
  errors: FieldError[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The last segment of an IRI (`http://adlnet.gov/expapi/verbs/completed` → `completed`). */
function lastSegment(value: string): string {
  const trimmed = value.replace(/[/#]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** A value from `extensions`, whose keys are IRIs: matched by their last segment. */
function extension(extensions: unknown, name: string): unknown {
  if (!isObject(extensions)) return undefined;
  for (const [key, value] of Object.entries(extensions)) {
    if (key === name || lastSegment(key) === name) return value;
  }
  return undefined;
}

/** Splits a request body into statements: one object, an array, or `{ events: [...] }`. */
export function statementsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (isObject(body) && Array.isArray(body.events)) return body.events;
  if (isObject(body) && 'id' in body) return [body];
  return undefined;
}

export function parseStatements(statements: unknown[], now: Date): EventBatch {
  const errors: FieldError[] = [];
  const events: EventBatch['events'] = [];
  const err = (field: string, code: string, message: string) =>
    errors.push({ field, code, message });
  if (statements.length === 0) err('events', 'required', 'Tidak ada kejadian / no events');
  if (statements.length > MAX_EVENTS_PER_BATCH) {
    err(
      'events',
      'too-many',
      `Maksimal ${MAX_EVENTS_PER_BATCH} kejadian / at most ${MAX_EVENTS_PER_BATCH} events`,
    );
    return { events, errors };
  }
  const seen = new Set<string>();
  statements.forEach((s, i) => {
    const at = `events[${i}]`;
    const before = errors.length;
    if (!isObject(s)) {
      err(at, 'invalid-type', 'Harus berupa objek / must be an object');
      return;
    }
    if (typeof s.id !== 'string' || !UUID.test(s.id)) {
      err(`${at}.id`, 'invalid-format', 'id harus UUID / id must be a UUID');
    }
    let verb: string | undefined;
    const rawVerb = isObject(s.verb) ? s.verb.id : s.verb;
    if (typeof rawVerb === 'string' && rawVerb.length <= 200) {
      verb = lastSegment(rawVerb).toLowerCase();
    }
    if (!verb || !TOKEN.test(verb)) {
      err(`${at}.verb`, 'invalid-format', 'verb wajib (teks atau {id}) / verb is required');
    }
    let module: string | undefined;
    let scenario: string | null = null;
    if (typeof s.object === 'string') module = s.object;
    else if (isObject(s.object)) {
      const o = s.object;
      const definition = isObject(o.definition) ? o.definition : {};
      const explicit = o.module ?? extension(definition.extensions, 'module');
      const explicitScenario = o.scenario ?? extension(definition.extensions, 'scenario');
      if (typeof explicit === 'string') {
        module = explicit;
        if (typeof o.id === 'string') scenario = o.id;
      } else if (typeof o.id === 'string') module = o.id;
      if (typeof explicitScenario === 'string') scenario = explicitScenario;
    }
    if (typeof module === 'string') module = lastSegment(module);
    if (!module || !TOKEN.test(module)) {
      err(
        `${at}.object.id`,
        'invalid-format',
        'object.id (modul) wajib / object.id (module) is required',
      );
    }
    if (scenario !== null) {
      scenario = lastSegment(scenario);
      if (!TOKEN.test(scenario)) {
        err(`${at}.object.scenario`, 'invalid-format', 'skenario tidak sah / invalid scenario');
      }
    }
    let occurredAt: string | undefined;
    if (typeof s.timestamp === 'string' && RFC3339.test(s.timestamp)) {
      const time = new Date(s.timestamp);
      if (!Number.isNaN(time.getTime())) {
        // A phone whose clock runs ahead must not look active in the future.
        occurredAt = (time > now ? now : time).toISOString();
      }
    }
    if (!occurredAt) {
      err(`${at}.timestamp`, 'invalid-format', 'timestamp harus RFC 3339 / must be RFC 3339');
    }
    let scoreScaled: number | null = null;
    let success: boolean | null = null;
    let completion: boolean | null = null;
    const mistakes: string[] = [];
    if (s.result !== undefined && s.result !== null) {
      if (!isObject(s.result))
        err(`${at}.result`, 'invalid-type', 'Harus objek / must be an object');
      else {
        const r = s.result;
        if (r.score !== undefined) {
          const score = isObject(r.score) ? r.score : undefined;
          const scaled = score?.scaled;
          const raw = score?.raw;
          const max = score?.max;
          const min = score?.min ?? 0;
          if (
            typeof scaled === 'number' &&
            Number.isFinite(scaled) &&
            scaled >= -1 &&
            scaled <= 1
          ) {
            scoreScaled = scaled;
          } else if (
            scaled === undefined &&
            typeof raw === 'number' &&
            typeof max === 'number' &&
            typeof min === 'number' &&
            max > min &&
            raw >= min &&
            raw <= max
          ) {
            scoreScaled = (raw - min) / (max - min);
          } else {
            err(
              `${at}.result.score`,
              'invalid-value',
              'score butuh scaled (-1..1) atau raw/max / needs scaled (-1..1) or raw within min..max',
            );
          }
        }
        for (const key of ['success', 'completion'] as const) {
          if (r[key] === undefined) continue;
          if (typeof r[key] !== 'boolean')
            err(`${at}.result.${key}`, 'invalid-type', 'Harus boolean / must be a boolean');
        }
        if (typeof r.success === 'boolean') success = r.success;
        if (typeof r.completion === 'boolean') completion = r.completion;
        const list = r.mistakes ?? extension(r.extensions, 'mistakes');
        if (list !== undefined) {
          if (!Array.isArray(list) || list.length > 50) {
            err(
              `${at}.result.mistakes`,
              'invalid-type',
              'Daftar maksimal 50 / a list of at most 50',
            );
          } else {
            list.forEach((m, j) => {
              const field = isObject(m) ? m.field : m;
              if (typeof field === 'string' && field.length > 0 && field.length <= 100) {
                mistakes.push(field);
              } else {
                err(`${at}.result.mistakes[${j}]`, 'invalid-format', 'Nama kolom / a field name');
              }
            });
          }
        }
      }
    }
    if (errors.length > before) return;
    const id = (s.id as string).toLowerCase();
    if (seen.has(id)) return; // the same event twice in one batch: once is enough
    seen.add(id);
    events.push({
      id,
      verb: verb as string,
      module: module as string,
      scenario,
      scoreScaled,
      success,
      completion,
      mistakes,
      occurredAt: occurredAt as string,
    });
  });
  return { events, errors };
}
