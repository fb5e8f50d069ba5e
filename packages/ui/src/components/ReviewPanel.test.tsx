import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReviewPanel } from './ReviewPanel.js';

describe('ReviewPanel', () => {
  it('approves without a note', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ReviewPanel onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('Setujui'));
    await user.click(screen.getByRole('button', { name: 'Kirim keputusan' }));
    expect(onSubmit).toHaveBeenCalledWith({ decision: 'APPROVE' });
    expect(await screen.findByText('Laporan disetujui.')).toBeTruthy();
  });

  it('will not return a report without a note of at least 10 characters', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ReviewPanel onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('Kembalikan dengan catatan'));
    await user.type(screen.getByLabelText('Catatan untuk petugas'), 'Kurang');
    await user.click(screen.getByRole('button', { name: 'Kirim keputusan' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const note = screen.getByLabelText('Catatan untuk petugas');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Tulis catatan minimal 10 karakter');
    await user.type(note, ' lengkap: isi RT/RW tempat kunjungan.');
    await user.click(screen.getByRole('button', { name: 'Kirim keputusan' }));
    expect(onSubmit).toHaveBeenCalledWith({
      decision: 'RETURN',
      note: 'Kurang lengkap: isi RT/RW tempat kunjungan.',
    });
  });

  it('asks for a decision first', async () => {
    const user = userEvent.setup();
    render(<ReviewPanel onSubmit={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Kirim keputusan' }));
    expect(screen.getByRole('alert').textContent).toContain('Keputusan: Wajib diisi.');
  });

  it('shows the server’s refusal as a form-level error and stays open', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockRejectedValue({
      body: {
        type: 'urn:bosv2:problem:invalid-state',
        title: 'Status laporan tidak mengizinkan',
        status: 409,
        code: 'invalid-state',
      },
    });
    render(<ReviewPanel onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('Setujui'));
    await user.click(screen.getByRole('button', { name: 'Kirim keputusan' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Status laporan tidak mengizinkan'),
    );
    expect(screen.getByRole('button', { name: 'Kirim keputusan' })).toBeTruthy();
  });
});
