import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { KeywordInput } from './KeywordInput.js';
import { addKeyword } from './keywords.js';

function Harness({
  min = 5,
  initial = [] as string[],
  showMinimumError = false,
  locale = 'id' as 'id' | 'en',
}) {
  const [keywords, setKeywords] = useState<string[]>(initial);
  return (
    <KeywordInput
      id="kw"
      value={keywords}
      onChange={setKeywords}
      min={min}
      showMinimumError={showMinimumError}
      locale={locale}
    />
  );
}

describe('KeywordInput', () => {
  it('counts keywords against the minimum as they are added with Enter', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByText('0 dari minimal 5 kata kunci')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: 'Kata kunci' });
    await user.type(input, 'Narkoba{Enter}balap liar{Enter}');
    expect(screen.getByText('2 dari minimal 5 kata kunci')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hapus kata kunci balap liar' })).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('asks for the missing keywords when the minimum is not met', () => {
    render(<Harness initial={['narkoba', 'remaja']} showMinimumError />);
    const input = screen.getByRole('textbox', { name: 'Kata kunci' });
    expect(screen.getByText('Tambah 3 kata kunci lagi.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('stops asking once the minimum is reached', () => {
    render(<Harness initial={['a1', 'b2', 'c3', 'd4', 'e5']} showMinimumError />);
    expect(screen.queryByText(/kata kunci lagi/)).toBeNull();
    expect(
      screen.getByRole('textbox', { name: 'Kata kunci' }).getAttribute('aria-invalid'),
    ).toBeNull();
  });

  it('refuses a duplicate, ignoring case, and says why', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['narkoba']} />);
    await user.type(screen.getByRole('textbox', { name: 'Kata kunci' }), 'NARKOBA{Enter}');
    expect(screen.getByText('"narkoba" sudah ada.')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('removes a keyword with its button and returns focus to the input', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['narkoba', 'remaja']} />);
    await user.click(screen.getByRole('button', { name: 'Hapus kata kunci narkoba' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Kata kunci' }));
    expect(
      screen.getByText('Kata kunci "narkoba" dihapus. 1 dari minimal 5 kata kunci.'),
    ).toBeTruthy();
  });

  it('speaks English when asked', () => {
    render(<Harness locale="en" initial={['narkoba']} showMinimumError />);
    expect(screen.getByText('1 of at least 5 keywords')).toBeTruthy();
    expect(screen.getByText('Add 4 more keywords.')).toBeTruthy();
  });
});

describe('addKeyword', () => {
  it('normalises spacing and case', () => {
    expect(addKeyword([], '  Balap   LIAR ')).toEqual({
      ok: true,
      keywords: ['balap liar'],
      keyword: 'balap liar',
    });
  });

  it('applies the contract limits: 2-40 characters, at most 20', () => {
    expect(addKeyword([], 'a')).toMatchObject({ ok: false, reason: 'tooShort' });
    expect(addKeyword([], 'x'.repeat(41))).toMatchObject({ ok: false, reason: 'tooLong' });
    const full = Array.from({ length: 20 }, (_, i) => `kata${i}`);
    expect(addKeyword(full, 'baru')).toMatchObject({ ok: false, reason: 'full' });
  });
});
