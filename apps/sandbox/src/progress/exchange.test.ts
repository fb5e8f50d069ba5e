import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, ProgressFileError } from './exchange.js';
import { attempt } from './fixtures.js';

describe('progress files', () => {
  it('reads back exactly what was exported', () => {
    const attempts = [attempt({ mistakes: { keywords: 1 } }), attempt({ mode: 'exam' })];
    const file = importProgress(exportProgress(attempts, 'Bripka Test'));
    expect(file.attempts).toEqual(attempts);
    expect(file.traineeName).toBe('Bripka Test');
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
  ])('refuses a file with %s', (_, text) => {
    expect(() => importProgress(text)).toThrow(ProgressFileError);
  });
});
