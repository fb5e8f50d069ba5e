import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, ProgressFileError } from './exchange.js';
import { attempt, statement } from './fixtures.js';

describe('progress files', () => {
  it('reads back exactly what was exported', () => {
    const attempts = [attempt({ mistakes: { keywords: 1 } }), attempt({ mode: 'exam' })];
    const file = importProgress(exportProgress(attempts, 'Bripka Test'));
    expect(file.attempts).toEqual(attempts);
    expect(file.traineeName).toBe('Bripka Test');
  });

  it('carries the learning records (xAPI statements) there and back', () => {
    const statements = [statement(), statement({ result: { success: true } })];
    const text = exportProgress([attempt()], undefined, new Date(), statements);
    expect(JSON.parse(text).statements).toHaveLength(2);
    expect(importProgress(text).statements).toEqual(statements);
  });

  it('reads a file from before the learning records were exported', () => {
    const text = JSON.stringify({
      format: 'latihan-bos-v2-progress',
      version: 1,
      exportedAt: '2026-11-28T00:00:00.000Z',
      attempts: [attempt()],
    });
    expect(importProgress(text).statements).toEqual([]);
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'x', version: 1, attempts: [] })],
    [
      'a later version',
      JSON.stringify({ format: 'latihan-bos-v2-progress', version: 2, attempts: [] }),
    ],
    ['a score above the maximum', exportProgress([attempt({ score: 11, maxScore: 10 })])],
    ['an unknown mode', exportProgress([attempt({ mode: 'speedrun' as 'exam' })])],
    ['a negative mistake count', exportProgress([attempt({ mistakes: { a: -1 } })])],
    [
      'a learning record without a verb',
      exportProgress([], undefined, new Date(), [statement({ verb: undefined as never })]),
    ],
    [
      'a learning record with no time',
      exportProgress([], undefined, new Date(), [statement({ timestamp: 'yesterday' })]),
    ],
  ])('refuses a file with %s', (_, text) => {
    expect(() => importProgress(text)).toThrow(ProgressFileError);
  });
});
