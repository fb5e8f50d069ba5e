import { describe, expect, it } from 'vitest';
import { applyChanges, getPath, gradedLeaves, overlaps, sameValue, setPath } from './paths.js';

describe('dotted paths', () => {
  it('read and write nested fields, creating lists for numeric keys, without touching the input', () => {
    const input = { details: { name: 'A' } };
    const out = setPath(input, 'details.opinions.0.text', 'Lampu padam');
    expect(out).toEqual({ details: { name: 'A', opinions: [{ text: 'Lampu padam' }] } });
    expect(input).toEqual({ details: { name: 'A' } });
    expect(getPath(out, 'details.opinions.0.text')).toBe('Lampu padam');
    expect(getPath(out, 'details.missing.deep')).toBeUndefined();
    expect(applyChanges(out, { 'details.name': null })).toEqual({
      details: { opinions: [{ text: 'Lampu padam' }] },
    });
  });

  it('compare ignoring case, spacing and the order of plain lists', () => {
    expect(sameValue(' Ahmad  Fauzi', 'ahmad fauzi')).toBe(true);
    expect(sameValue(['b', 'A'], ['a', 'B'])).toBe(true);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue(2, '2')).toBe(false);
  });

  it('list the leaves a grader compares, and which paths overlap', () => {
    expect(gradedLeaves({ a: { b: 1, c: ['x', 'y'] }, d: [{ e: 1 }] })).toEqual([
      'a.b',
      'a.c',
      'd.0.e',
    ]);
    expect(overlaps('details.partyB.name', 'details.partyB')).toBe(true);
    expect(overlaps('details.partyA', 'details.partyB')).toBe(false);
  });
});
