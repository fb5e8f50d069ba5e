import type { Lang } from './types.js';

/** Picks `id` (the default) or `en` from an Accept-Language header. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'id';
  let best: Lang = 'id';
  let bestQ = -1;
  for (const part of header.split(',')) {
    const [tag, ...rest] = part.trim().toLowerCase().split(';');
    const q = Number(rest.find((r) => r.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const lang = tag?.startsWith('en')
      ? 'en'
      : tag?.startsWith('id') || tag?.startsWith('in')
        ? 'id'
        : null;
    if (lang && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

type Text = { id: string; en: string };

/**
 * Built-in titles of the problem codes: the fallback for a custom contract without
 * `x-problem-types` (the engine reads the titles from its contract; see problemTypesOf).
 */
export const PROBLEM_TITLES: Record<string, Text & { status: number }> = {
  'validation-failed': { status: 400, id: 'Data tidak valid', en: 'Invalid data' },
  'malformed-request': { status: 400, id: 'Permintaan rusak', en: 'Malformed request' },
  'unsupported-media-type': {
    status: 415,
    id: 'Jenis isi tidak didukung',
    en: 'Unsupported media type',
  },
  'payload-too-large': { status: 413, id: 'Data terlalu besar', en: 'Payload too large' },
  unauthenticated: { status: 401, id: 'Belum masuk', en: 'Not authenticated' },
  'invalid-credentials': {
    status: 401,
    id: 'NRP/email atau kata sandi salah',
    en: 'Wrong NRP/email or password',
  },
  'token-expired': { status: 401, id: 'Sesi berakhir', en: 'Session expired' },
  forbidden: { status: 403, id: 'Tidak berwenang', en: 'Forbidden' },
  'not-found': { status: 404, id: 'Tidak ditemukan', en: 'Not found' },
  'method-not-allowed': { status: 405, id: 'Metode tidak diizinkan', en: 'Method not allowed' },
  'not-acceptable': { status: 406, id: 'Format tidak tersedia', en: 'Not acceptable' },
  'invalid-state': {
    status: 409,
    id: 'Status laporan tidak mengizinkan',
    en: 'Not allowed in this state',
  },
  'already-exists': { status: 409, id: 'Sudah ada', en: 'Already exists' },
  'idempotency-key-reused': {
    status: 409,
    id: 'Kunci idempotensi dipakai untuk data lain',
    en: 'Idempotency key reused',
  },
  'precondition-required': { status: 428, id: 'If-Match diperlukan', en: 'If-Match required' },
  'precondition-failed': { status: 412, id: 'Data sudah berubah', en: 'Precondition failed' },
  'duplicate-description': {
    status: 422,
    id: 'Uraian sama dengan laporan sebelumnya',
    en: 'Duplicate description',
  },
  'too-few-keywords': { status: 422, id: 'Kata kunci kurang', en: 'Too few keywords' },
  'no-assigned-area': { status: 422, id: 'Lokasi penugasan belum diatur', en: 'No assigned area' },
  'outside-assigned-area': {
    status: 422,
    id: 'Di luar lokasi penugasan',
    en: 'Outside the assigned area',
  },
  'invalid-reference': { status: 422, id: 'Rujukan tidak valid', en: 'Invalid reference' },
  'rate-limited': { status: 429, id: 'Terlalu banyak percobaan', en: 'Too many requests' },
  'server-error': { status: 500, id: 'Kesalahan server', en: 'Server error' },
  'service-unavailable': { status: 503, id: 'Layanan tidak tersedia', en: 'Service unavailable' },
};

/** Field-level messages by code; `{n}`, `{limit}`, `{values}` are filled in. */
const FIELD_MESSAGES: Record<string, Text> = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  type: { id: 'Harus bertipe {type}.', en: 'Must be of type {type}.' },
  format: { id: 'Format tidak valid (harus {format}).', en: 'Invalid format (must be {format}).' },
  enum: { id: 'Harus salah satu dari: {values}.', en: 'Must be one of: {values}.' },
  const: { id: 'Harus bernilai {values}.', en: 'Must be {values}.' },
  minLength: { id: 'Minimal {limit} karakter.', en: 'At least {limit} characters.' },
  maxLength: { id: 'Maksimal {limit} karakter.', en: 'At most {limit} characters.' },
  minItems: { id: 'Minimal {limit} butir.', en: 'At least {limit} items.' },
  maxItems: { id: 'Maksimal {limit} butir.', en: 'At most {limit} items.' },
  uniqueItems: { id: 'Tidak boleh ada butir yang sama.', en: 'Items must be unique.' },
  minimum: { id: 'Minimal {limit}.', en: 'At least {limit}.' },
  maximum: { id: 'Maksimal {limit}.', en: 'At most {limit}.' },
  exclusiveMinimum: { id: 'Harus lebih dari {limit}.', en: 'Must be more than {limit}.' },
  exclusiveMaximum: { id: 'Harus kurang dari {limit}.', en: 'Must be less than {limit}.' },
  pattern: { id: 'Format tidak sesuai.', en: 'Does not match the expected format.' },
  additionalProperties: { id: 'Isian tidak dikenal.', en: 'Unknown field.' },
  oneOf: {
    id: 'Tidak cocok dengan satu pun bentuk yang diizinkan.',
    en: 'Matches none of the allowed shapes.',
  },
  anyOf: {
    id: 'Tidak cocok dengan satu pun bentuk yang diizinkan.',
    en: 'Matches none of the allowed shapes.',
  },
  discriminator: { id: 'Jenis ({values}) tidak dikenal.', en: 'Unknown kind ({values}).' },
  'description-too-short': {
    id: 'Uraian minimal {limit} karakter (sekarang {n}).',
    en: 'A description needs at least {limit} characters (now {n}).',
  },
  'too-few-keywords': {
    id: 'Minimal {limit} kata kunci (sekarang {n}).',
    en: 'At least {limit} keywords (now {n}).',
  },
  'duplicate-description': {
    id: 'Uraian ini sama dengan laporan informasi sebelumnya.',
    en: 'This description repeats an earlier information report.',
  },
  malformed: { id: 'Nilai tidak dapat dibaca.', en: 'The value cannot be read.' },
  cursor: {
    id: 'Kursor tidak valid; mulai lagi dari halaman pertama.',
    en: 'Invalid cursor; start again from the first page.',
  },
  invalid: { id: 'Nilai tidak valid.', en: 'Invalid value.' },
};

export function fieldMessage(
  code: string,
  lang: Lang,
  vars: Record<string, string | number> = {},
): string {
  const entry = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid;
  let text = (entry as Text)[lang];
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** A detail line for validation failures: "2 isian perlu diperbaiki." */
export function countDetail(n: number, lang: Lang): string {
  return lang === 'en'
    ? `${n} field${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} fixing.`
    : `${n} isian perlu diperbaiki.`;
}

/** A two-language text helper for handlers. */
export function t(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}
