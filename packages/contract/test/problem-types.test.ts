import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { specPath } from '../src/index.js';

const document = JSON.parse(readFileSync(specPath, 'utf8'));
const types = document['x-problem-types'] as Record<string, Record<string, unknown>>;
const codes = document.components.schemas.ProblemCode.enum as string[];

describe('x-problem-types, the titles every server and SDK show for a problem code', () => {
  test('lists every ProblemCode and nothing else', () => {
    expect(Object.keys(types).sort()).toEqual([...codes].sort());
  });

  // In flow-style YAML an unquoted comma ends a value: `about: a, b` makes a stray key `b`.
  test.each(Object.keys(types))('%s has exactly a status, an id/en title and an about', (code) => {
    const entry = types[code] as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(['about', 'status', 'title']);
    expect(entry.status).toBeTypeOf('number');
    expect(Object.keys(entry.title as object).sort()).toEqual(['en', 'id']);
    expect(entry.about).toBeTypeOf('string');
  });
});
