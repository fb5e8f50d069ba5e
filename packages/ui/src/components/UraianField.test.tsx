import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { UraianField } from './UraianField.js';
import { analyseUraian } from './uraian.js';

function Harness({ initial = '', error }: { initial?: string; error?: string }) {
  const [text, setText] = useState(initial);
  return <UraianField id="uraian" value={text} onValueChange={setText} error={error} />;
}

const USEFUL =
  'Sambang ke rumah Bapak Ahmad di RT 03 RW 02; warga mengeluhkan lampu jalan padam sejak seminggu.';

describe('UraianField', () => {
  it('counts characters live and says how many are still missing', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('Uraian'), 'Sambang ke rumah warga');
    expect(screen.getByText('22 dari minimal 50 karakter. Kurang 28 karakter lagi.')).toBeTruthy();
  });

  it('says when the description is long enough, and announces it', () => {
    render(<Harness initial={USEFUL} />);
    expect(screen.getByText(/Panjang uraian sudah cukup\.$/)).toBeTruthy();
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Panjang uraian sudah cukup');
  });

  it('ties the count and the error to the textarea for screen readers', () => {
    render(<Harness initial="pendek" error="Uraian minimal 50 karakter (sekarang 6)." />);
    const textarea = screen.getByLabelText('Uraian');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const described = (textarea.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | ');
    expect(described).toContain('Uraian minimal 50 karakter (sekarang 6).');
    expect(described).toContain('6 dari minimal 50 karakter');
  });

  it('warns when the text is padded to pass the check', () => {
    render(<Harness initial={'Kunjungan warga aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'} />);
    expect(
      screen.getByText('Uraian ini tampak diisi teks berulang. Tulis kejadian yang sebenarnya.'),
    ).toBeTruthy();
  });

  it('offers advice on what a useful description says', () => {
    render(<Harness />);
    expect(screen.getByText('Apa isi uraian yang baik?')).toBeTruthy();
    expect(screen.getByText(/Di mana dan kapan/)).toBeTruthy();
  });
});

describe('analyseUraian', () => {
  it('trims before counting, as the server does', () => {
    expect(analyseUraian('   abc   ').length).toBe(3);
  });

  it('spots repeated characters, repeated words and low variety, but not real accounts', () => {
    expect(analyseUraian('laporan ..........').looksPadded).toBe(true);
    expect(analyseUraian('tes tes tes kunjungan warga desa').looksPadded).toBe(true);
    expect(analyseUraian('warga desa warga desa warga desa warga desa').looksPadded).toBe(true);
    expect(analyseUraian(USEFUL).looksPadded).toBe(false);
  });
});
