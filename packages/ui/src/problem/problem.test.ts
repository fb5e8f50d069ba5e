import { describe, expect, it } from 'vitest';
import {
  errorsUnder,
  fieldErrorsFromProblem,
  formLevelMessage,
  isProblem,
  type Problem,
} from './problem.js';

const problem: Problem = {
  type: 'urn:bosv2:problem:validation-failed',
  title: 'Data tidak valid',
  status: 400,
  code: 'validation-failed',
  detail: '2 isian perlu diperbaiki.',
  errors: [
    {
      field: 'description',
      code: 'description-too-short',
      message: 'Uraian minimal 50 karakter (sekarang 23).',
    },
    { field: 'details.headOfHousehold.name', code: 'required', message: 'Wajib diisi.' },
    { field: 'description', code: 'pattern', message: 'second message for the same field' },
  ],
};

describe('problem+json mapping', () => {
  it('keeps the first message of each field', () => {
    expect(fieldErrorsFromProblem(problem)).toEqual({
      description: 'Uraian minimal 50 karakter (sekarang 23).',
      'details.headOfHousehold.name': 'Wajib diisi.',
    });
  });

  it('hands a nested block the errors under its path', () => {
    expect(errorsUnder(fieldErrorsFromProblem(problem), 'details.headOfHousehold')).toEqual({
      name: 'Wajib diisi.',
    });
  });

  it('turns a problem without field errors into a form-level message', () => {
    const conflict: Problem = {
      type: 'urn:bosv2:problem:invalid-state',
      title: 'Status laporan tidak mengizinkan',
      status: 409,
      code: 'invalid-state',
      detail: 'Laporan berstatus SUBMITTED tidak dapat diubah.',
    };
    expect(formLevelMessage(conflict)).toBe(
      'Status laporan tidak mengizinkan. Laporan berstatus SUBMITTED tidak dapat diubah.',
    );
    expect(formLevelMessage(problem)).toBeNull();
    expect(fieldErrorsFromProblem(conflict)).toEqual({});
  });

  it('recognises problem bodies', () => {
    expect(isProblem(problem)).toBe(true);
    expect(isProblem({ message: 'nope' })).toBe(false);
    expect(isProblem(null)).toBe(false);
  });
});
