import { workflows } from '@bosv2/training';
import { type FieldError, HttpProblem } from './http.js';
import { DRILLS, type Drill, type SessionKind } from './store/types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
export const MODULE_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** The modules a session can hold: the workflows of @bosv2/training, in its menu order. */
export const KNOWN_MODULES: ReadonlySet<string> = new Set(workflows.map((w) => w.id));

class Checker {
  readonly errors: FieldError[] = [];
  constructor(readonly body: Record<string, unknown>) {}

  text(field: string, min: number, max: number): string {
    const value = this.body[field];
    if (typeof value !== 'string' || value.trim().length < min) {
      this.errors.push({ field, code: 'required', message: `${field} wajib diisi / is required` });
      return '';
    }
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (trimmed.length > max) {
      this.errors.push({
        field,
        code: 'too-long',
        message: `${field} maksimal ${max} karakter / at most ${max} characters`,
      });
    } else if (CONTROL.test(value.replace(/[\t\n\r]/g, ' '))) {
      this.errors.push({ field, code: 'invalid-format', message: `${field} tidak sah / invalid` });
    }
    return trimmed;
  }
}

function requireObject(body: unknown): Record<string, unknown> {
  if (!isObject(body)) {
    throw new HttpProblem('validation-failed', undefined, [
      {
        field: '',
        code: 'invalid-type',
        message: 'Harus berupa objek JSON / must be a JSON object',
      },
    ]);
  }
  return body;
}

function done<T>(checker: Checker, value: T): T {
  if (checker.errors.length) throw new HttpProblem('validation-failed', undefined, checker.errors);
  return value;
}

export function parseLogin(body: unknown): { username: string; password: string } {
  const c = new Checker(requireObject(body));
  const username = c.text('username', 1, 64).toLowerCase();
  const password = typeof c.body.password === 'string' ? c.body.password : '';
  if (!password || password.length > 256) {
    c.errors.push({ field: 'password', code: 'required', message: 'password wajib / is required' });
  }
  return done(c, { username, password });
}

export function parseNewTrainer(body: unknown): {
  username: string;
  displayName: string;
  password: string;
} {
  const c = new Checker(requireObject(body));
  const username = c.text('username', 3, 64).toLowerCase();
  if (username && !/^[a-z0-9._-]{3,64}$/.test(username)) {
    c.errors.push({
      field: 'username',
      code: 'invalid-format',
      message: 'Huruf kecil, angka, titik, garis / lower-case letters, digits, dot, dash',
    });
  }
  const displayName = c.text('displayName', 1, 80);
  const password = typeof c.body.password === 'string' ? c.body.password : '';
  if (password.length < 10 || password.length > 256) {
    c.errors.push({
      field: 'password',
      code: 'too-short',
      message: 'Kata sandi minimal 10 karakter / at least 10 characters',
    });
  }
  return done(c, { username, displayName, password });
}

export interface SessionInput {
  kind: SessionKind;
  name: string;
  place: string;
  date: string;
  modules: string[];
}

export function parseSessionInput(body: unknown): SessionInput {
  const c = new Checker(requireObject(body));
  const name = c.text('name', 1, 120);
  const place = c.text('place', 1, 120);
  const date = typeof c.body.date === 'string' ? c.body.date : '';
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    c.errors.push({
      field: 'date',
      code: 'invalid-format',
      message: 'Tanggal YYYY-MM-DD / a date YYYY-MM-DD',
    });
  }
  const kind = c.body.kind ?? 'training';
  if (kind !== 'training' && kind !== 'outreach') {
    c.errors.push({ field: 'kind', code: 'invalid-value', message: 'training | outreach' });
  }
  let modules: string[] = [];
  const raw = typeof c.body.modules === 'string' ? c.body.modules.split(/[\s,]+/) : c.body.modules;
  if (!Array.isArray(raw)) {
    c.errors.push({ field: 'modules', code: 'required', message: 'modules wajib / is required' });
  } else {
    modules = [...new Set(raw.filter((m) => m !== ''))] as string[];
    if (modules.length === 0 || modules.length > 40) {
      c.errors.push({
        field: 'modules',
        code: 'invalid-value',
        message: '1-40 modul / 1-40 modules',
      });
    }
    modules.forEach((m, i) => {
      if (typeof m !== 'string' || !MODULE_ID.test(m)) {
        c.errors.push({
          field: `modules[${i}]`,
          code: 'invalid-format',
          message: 'id modul: huruf kecil, angka, -._ / module id: lower-case, digits, -._',
        });
      } else if (!KNOWN_MODULES.has(m)) {
        c.errors.push({
          field: `modules[${i}]`,
          code: 'unknown-module',
          message: `Modul "${m}" tidak ada di materi latihan / "${m}" is not a training module`,
        });
      }
    });
  }
  return done(c, { kind: kind as SessionKind, name, place, date, modules });
}

export function parseJoin(body: unknown): { code: string; name: string } {
  const c = new Checker(requireObject(body));
  const code = typeof c.body.code === 'string' ? c.body.code : '';
  if (!code)
    c.errors.push({ field: 'code', code: 'required', message: 'Kode wajib / code is required' });
  const name = c.text('name', 1, 60);
  return done(c, { code, name });
}

export function parseDrill(body: unknown): Drill {
  const c = new Checker(requireObject(body));
  const drill = c.body.drill;
  if (typeof drill !== 'string' || !(DRILLS as readonly string[]).includes(drill)) {
    c.errors.push({ field: 'drill', code: 'invalid-value', message: DRILLS.join(' | ') });
  }
  return done(c, drill as Drill);
}
