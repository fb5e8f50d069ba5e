import type { Faker } from '@faker-js/faker';
import { HSU_REGIONS } from '../data/regions.gen.js';
import type { Prng } from './prng.js';
import { sampleRegex } from './regex-sample.js';
import { resolvePointer } from './spec.js';
import {
  BIRTH_PLACES,
  KEYWORDS,
  OCCUPATIONS,
  phrase,
  RANKS_BINTARA,
  type TextPick,
  uraian,
} from './text-bank.js';
import type { OpenApiDocument } from './types.js';

type Schema = Record<string, unknown>;

export interface SampleOptions {
  /** Chance to fill an optional property (0..1). Default 0.6. */
  optionalRate?: number;
  /** Values to use for the discriminator / const properties when picking a oneOf branch, e.g. `{ type: 'DDS_WARGA' }`. */
  hint?: Record<string, unknown>;
  /** The clock for dates. */
  now?: Date;
}

export interface Sampler {
  sample(schema: unknown, options?: SampleOptions): unknown;
  /** Samples the named component schema (`components.schemas[name]`). */
  sampleNamed(name: string, options?: SampleOptions): unknown;
}

/** Adapts faker's seeded generator to the small interface the text bank uses. */
export function fakerPick(faker: Faker): TextPick & Prng {
  return {
    pick: <T>(items: readonly T[]) => faker.helpers.arrayElement(items as T[]),
    int: (min: number, max: number) => faker.number.int({ min, max }),
    next: () => faker.number.float({ min: 0, max: 1, fractionDigits: 6 }) % 1,
    normal: (mean: number, sd: number) =>
      mean +
      sd * (faker.number.float({ min: -1, max: 1 }) + faker.number.float({ min: -1, max: 1 })),
    state: () => 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The last second formatted by wita(): a server stamps many records within one second. */
let lastSecond = Number.NaN;
let lastWita = '';

export function wita(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastSecond) return lastWita;
  // RFC 3339 with the WITA offset (+08:00), the default region's time zone.
  const local = new Date(second * 1000 + 8 * 3600_000);
  lastWita = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+08:00`;
  lastSecond = second;
  return lastWita;
}

export function witaDate(date: Date): string {
  return wita(date).slice(0, 10);
}

/**
 * Builds values that conform to a JSON Schema of the contract, with plausible Indonesian content
 * chosen by property name (names, phone numbers, real desa codes, descriptions of 50+
 * characters). Deterministic for a seeded faker.
 */
export function createSampler(doc: OpenApiDocument, faker: Faker): Sampler {
  const rng = fakerPick(faker);

  const resolve = (schema: unknown): Schema => {
    let s = schema;
    for (let i = 0; i < 20 && s && typeof s === 'object' && '$ref' in s; i++) {
      s = resolvePointer(doc, (s as { $ref: string }).$ref);
    }
    return (s && typeof s === 'object' ? s : {}) as Schema;
  };

  /** Flattens allOf and picks oneOf/anyOf branches into one plain schema. */
  const flatten = (
    schema: unknown,
    hint: Record<string, unknown> | undefined,
    depth = 0,
  ): Schema => {
    const s = resolve(schema);
    if (depth > 12) return s;
    let acc: Schema = {};
    if (Array.isArray(s.allOf))
      for (const part of s.allOf) acc = merge(acc, flatten(part, hint, depth + 1));
    const choices = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
    if (Array.isArray(choices) && choices.length)
      acc = merge(acc, flatten(pickBranch(choices, s, hint), hint, depth + 1));
    const own: Schema = { ...s };
    delete own.allOf;
    delete own.oneOf;
    delete own.anyOf;
    delete own.discriminator;
    return merge(acc, own);
  };

  const pickBranch = (
    choices: unknown[],
    parent: Schema,
    hint: Record<string, unknown> | undefined,
  ): unknown => {
    const nonNull = choices.filter((c) => resolve(c).type !== 'null');
    const disc = (parent.discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (hint) {
      for (const c of nonNull) {
        const f = flatten(c, undefined, 20);
        const props = (f.properties ?? {}) as Record<string, Schema>;
        const keys = disc ? [disc] : Object.keys(hint);
        if (
          keys.some(
            (k) =>
              k in hint &&
              props[k] &&
              (resolve(props[k]).const === hint[k] ||
                (resolve(props[k]).enum as unknown[] | undefined)?.includes(hint[k])),
          )
        )
          return c;
      }
    }
    return nonNull.length ? rng.pick(nonNull) : choices[0];
  };

  const merge = (a: Schema, b: Schema): Schema => {
    const out: Schema = { ...a };
    for (const [k, v] of Object.entries(b)) {
      if (k === 'properties') {
        const props = { ...((a.properties as Schema | undefined) ?? {}) };
        for (const [pk, pv] of Object.entries(v as Schema))
          props[pk] = pk in props ? { allOf: [props[pk], pv] } : pv;
        out.properties = props;
      } else if (k === 'required') {
        out.required = [...new Set([...((a.required as string[]) ?? []), ...(v as string[])])];
      } else if (k === 'minItems' || k === 'minLength' || k === 'minimum') {
        out[k] = Math.max(Number(a[k] ?? Number.NEGATIVE_INFINITY), Number(v));
      } else if (k === 'maxItems' || k === 'maxLength' || k === 'maximum') {
        out[k] = Math.min(Number(a[k] ?? Number.POSITIVE_INFINITY), Number(v));
      } else out[k] = v;
    }
    return out;
  };

  const sampleString = (s: Schema, key: string, options: SampleOptions): string => {
    const min = Number(s.minLength ?? 0);
    const max = Number(s.maxLength ?? 200);
    const lower = key.toLowerCase();
    const now = options.now ?? new Date();
    const fit = (v: string) =>
      v.length > max ? v.slice(0, max) : v.length < min ? v.padEnd(min, 'a') : v;
    switch (s.format) {
      case 'uuid':
        return faker.string.uuid();
      case 'date':
        return witaDate(new Date(now.getTime() - rng.int(0, 60) * 86_400_000));
      case 'date-time':
        return wita(new Date(now.getTime() - rng.int(0, 60 * 86_400) * 1000));
      case 'email':
        return `${
          faker.person
            .firstName()
            .toLowerCase()
            .replace(/[^a-z]/g, '') || 'warga'
        }.${rng.int(1, 999)}@contoh.id`;
      case 'uri':
      case 'url':
        return `https://contoh.id/${faker.string.alphanumeric(8).toLowerCase()}`;
      case 'password':
        return fit(`rahasia-${faker.string.alphanumeric(8).toLowerCase()}`);
      case 'time':
        return `${pad(rng.int(7, 20))}:${pad(rng.int(0, 59))}:00+08:00`;
    }
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern, 'u');
      if (/desacode/i.test(key) || s.pattern.includes('[0-9]{4}')) {
        const desa = rng.pick(HSU_REGIONS.desa).code;
        if (re.test(desa)) return desa;
      }
      if (/phone/i.test(key)) {
        const phone = `08${rng.int(11, 59)}${faker.string.numeric(8)}`;
        if (re.test(phone)) return phone;
      }
      const examples = (s.examples as unknown[] | undefined)?.filter(
        (e): e is string => typeof e === 'string' && re.test(e),
      );
      const generated = sampleRegex(s.pattern, rng);
      if (generated !== null) return generated;
      if (examples?.length) return rng.pick(examples);
      return '';
    }
    if (
      min >= 30 ||
      /(description|uraian|incident|resolution|problem$|solution|chronology|summary)/i.test(key)
    ) {
      return fit(uraian(rng, Math.max(min, 50), max));
    }
    if (/keyword/.test(lower)) return fit(rng.pick(KEYWORDS));
    if (/(^|\b)(business|company)/i.test(key)) return fit(`Toko ${faker.person.lastName()}`);
    if (/place(name)?$/i.test(key))
      return fit(
        `${rng.pick(['SDN', 'SMPN', 'Kantor Desa', 'Kos', 'Balai Desa'])} ${rng.pick(HSU_REGIONS.desa).name}`,
      );
    if (/birthplace/i.test(key)) return fit(rng.pick(BIRTH_PLACES));
    if (/occupation|job/i.test(key)) return fit(rng.pick(OCCUPATIONS));
    if (lower === 'rank') return fit(rng.pick(RANKS_BINTARA));
    if (/desaname/i.test(key)) return fit(rng.pick(HSU_REGIONS.desa).name);
    if (/kecamatanname/i.test(key)) return fit(rng.pick(HSU_REGIONS.kecamatan).name);
    if (/name$/i.test(key)) return fit(faker.person.fullName());
    if (/(street|address)/i.test(key))
      return fit(`Jl. ${faker.location.street()} No. ${rng.int(1, 99)}`);
    if (/(note|text|message|notes|agenda|topic|decision|outcome|action|event|title)/i.test(key))
      return fit(phrase(rng, Math.max(min, 10), Math.min(max, 160)));
    if (/token/i.test(key)) return fit(`tok_${faker.string.alphanumeric(16)}`);
    return fit(faker.word.words({ count: { min: 1, max: 3 } }));
  };

  const sampleValue = (
    schema: unknown,
    key: string,
    options: SampleOptions,
    depth: number,
  ): unknown => {
    const s = flatten(schema, depth === 0 ? options.hint : undefined);
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum) && s.enum.length) return rng.pick(s.enum);
    let type = s.type as string | string[] | undefined;
    if (Array.isArray(type)) {
      const nonNull = type.filter((t) => t !== 'null');
      type = nonNull.length ? rng.pick(nonNull) : 'null';
    }
    if (!type) type = s.properties ? 'object' : s.items ? 'array' : 'string';
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return rng.int(0, 1) === 1;
      case 'integer':
      case 'number': {
        let min = Number(s.minimum ?? s.exclusiveMinimum ?? 0);
        let max = Number(s.maximum ?? s.exclusiveMaximum ?? Math.max(min + 100, 100));
        if (s.exclusiveMinimum !== undefined) min += 1;
        if (s.exclusiveMaximum !== undefined) max -= 1;
        if (/^lat$/i.test(key)) return Number((-2.2 - rng.int(0, 4000) / 10_000).toFixed(6));
        if (/^lng$/i.test(key)) return Number((115.0 + rng.int(0, 4000) / 10_000).toFixed(6));
        const n = rng.int(Math.ceil(min), Math.floor(Math.min(max, min + 500)));
        return n;
      }
      case 'string':
        return sampleString(s, key, options);
      case 'array': {
        const min = Number(s.minItems ?? 0);
        const max = Math.min(Number(s.maxItems ?? min + 3), min + 3);
        const n = depth > 6 ? min : rng.int(min, Math.max(min, max));
        const out: unknown[] = [];
        const seen = new Set<string>();
        for (let i = 0; out.length < n && i < n * 10; i++) {
          const v = sampleValue(s.items ?? {}, key.replace(/s$/, ''), options, depth + 1);
          const k = JSON.stringify(v);
          if (s.uniqueItems && seen.has(k)) continue;
          seen.add(k);
          out.push(v);
        }
        return out;
      }
      default: {
        const out: Record<string, unknown> = {};
        const props = (s.properties ?? {}) as Record<string, unknown>;
        const required = new Set((s.required as string[] | undefined) ?? []);
        const rate = options.optionalRate ?? 0.6;
        for (const [name, prop] of Object.entries(props)) {
          if (!required.has(name) && (depth > 4 || rng.next() >= rate)) continue;
          out[name] = sampleValue(prop, name, options, depth + 1);
        }
        // `if/then` (e.g. a RETURN review needs a note): fill what `then` requires.
        const cond = s.if as Schema | undefined;
        const then = s.then as Schema | undefined;
        if (cond && then && Array.isArray(then.required)) {
          const condProps = (cond.properties ?? {}) as Record<string, Schema>;
          const holds = Object.entries(condProps).every(
            ([k, v]) => !('const' in v) || out[k] === v.const,
          );
          if (holds)
            for (const name of then.required as string[])
              if (!(name in out) && props[name])
                out[name] = sampleValue(props[name], name, options, depth + 1);
        }
        return out;
      }
    }
  };

  return {
    sample: (schema, options = {}) => sampleValue(schema, '', options, 0),
    sampleNamed: (name, options = {}) => {
      const schema = (doc.components?.schemas as Record<string, unknown> | undefined)?.[name];
      if (schema === undefined) throw new Error(`No schema named ${name} in the contract`);
      return sampleValue(schema, name, options, 0);
    },
  };
}
