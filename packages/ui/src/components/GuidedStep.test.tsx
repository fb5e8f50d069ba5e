import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { GuidedStep } from './GuidedStep.js';

function Tour({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(1);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Mulai panduan
      </button>
      <input id="target" aria-label="Uraian" />
      <GuidedStep
        open={open}
        target="#target"
        step={step}
        total={2}
        title={step === 1 ? 'Tulis uraian' : 'Simpan laporan'}
        body="Ceritakan siapa, apa, di mana, kapan."
        onNext={() => setStep(2)}
        onPrev={() => setStep(1)}
        onClose={() => {
          setOpen(false);
          onClose();
        }}
      />
    </>
  );
}

describe('GuidedStep', () => {
  it('takes focus and announces the step when it opens', async () => {
    const user = userEvent.setup();
    render(<Tour />);
    await user.click(screen.getByRole('button', { name: 'Mulai panduan' }));
    const dialog = screen.getByRole('dialog', { name: 'Tulis uraian' });
    expect(dialog.textContent).toContain('Langkah 1 dari 2');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tulis uraian' }));
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Langkah 1 dari 2: Tulis uraian',
    );
  });

  it('moves to the next step and announces it', async () => {
    const user = userEvent.setup();
    render(<Tour />);
    await user.click(screen.getByRole('button', { name: 'Mulai panduan' }));
    await user.click(screen.getByRole('button', { name: 'Lanjut' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Simpan laporan' }));
    expect(screen.getByRole('button', { name: 'Selesai' })).toBeTruthy();
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Langkah 2 dari 2: Simpan laporan',
    );
  });

  it('closes on Escape and gives focus back to where it was', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Tour onClose={onClose} />);
    const start = screen.getByRole('button', { name: 'Mulai panduan' });
    await user.click(start);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(start);
  });

  it('has a labelled close button', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Tour onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Mulai panduan' }));
    await user.click(screen.getByRole('button', { name: 'Tutup panduan' }));
    expect(onClose).toHaveBeenCalled();
  });
});
