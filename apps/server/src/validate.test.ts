import { workflows } from '@bosv2/training';
import { describe, expect, test } from 'vitest';
import { HttpProblem } from './http.js';
import { modulePicker } from './pages.js';
import { KNOWN_MODULES, parseSessionInput } from './validate.js';

const base = { name: 'Pelatihan', place: 'Aula', date: '2026-12-01' };

const errorsOf = (body: unknown) => {
  try {
    parseSessionInput(body);
  } catch (error) {
    if (error instanceof HttpProblem) return error.errors ?? [];
    throw error;
  }
  return [];
};

describe('a session’s modules', () => {
  test('are the training package’s workflows', () => {
    expect(KNOWN_MODULES.size).toBe(workflows.length);
    expect(parseSessionInput({ ...base, modules: ['dds-warga', 'daily-report'] }).modules).toEqual([
      'dds-warga',
      'daily-report',
    ]);
  });

  test('refuse a module the training package does not have, naming it', () => {
    expect(errorsOf({ ...base, modules: ['dds-warga', 'laporan-harian'] })).toEqual([
      {
        field: 'modules[1]',
        code: 'unknown-module',
        message: expect.stringContaining('laporan-harian'),
      },
    ]);
  });

  test('come from a comma-separated text or a list, without repeats', () => {
    expect(
      parseSessionInput({ ...base, modules: 'dds-warga, deteksi-dini dds-warga' }).modules,
    ).toEqual(['dds-warga', 'deteksi-dini']);
  });

  test('are offered as one check box per workflow, grouped by role', () => {
    const html = modulePicker('id');
    expect(html.match(/type="checkbox" name="modules"/g)).toHaveLength(workflows.length);
    expect(html).toContain('<legend>Bhabinkamtibmas</legend>');
    expect(html).toContain('value="citizen-outreach"');
    expect(modulePicker('en')).toContain('<legend>Citizens</legend>');
  });
});
