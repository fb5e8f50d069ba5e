import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from './OfflineBanner.js';
import { type OutboxState, OutboxStatus } from './OutboxStatus.js';

const mixed: OutboxState = {
  count: 3,
  lastSuccessfulSync: '2026-11-20T09:30:00+08:00',
  entries: [
    { id: 'a', state: 'queued', label: 'DDS warga, Ahmad Fauzi' },
    { id: 'b', state: 'sending', label: 'Giat desa, gotong royong' },
    { id: 'c', state: 'failed', label: 'Deteksi dini, balap liar', error: 'Server sibuk (503)' },
    { id: 'd', state: 'sent', label: 'Binluh SMPN 1' },
  ],
};

describe('OutboxStatus', () => {
  it('shows a loading state before the outbox is read', () => {
    render(<OutboxStatus state={null} />);
    expect(screen.getByText('Memuat antrean…')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Antrean kirim' }).getAttribute('aria-busy')).toBe(
      'true',
    );
  });

  it('says everything was sent, and when', () => {
    render(
      <OutboxStatus
        state={{ count: 0, entries: [], lastSuccessfulSync: '2026-11-20T01:30:00Z' }}
        locale="en"
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('All reports have been sent');
    expect(screen.getByText(/^Last sent successfully: /)).toBeTruthy();
  });

  it('says when nothing has ever been sent', () => {
    render(
      <OutboxStatus
        state={{
          count: 1,
          entries: [{ id: 'a', state: 'queued', label: 'x' }],
          lastSuccessfulSync: null,
        }}
      />,
    );
    expect(screen.getByText('Belum pernah berhasil terkirim')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('1 laporan menunggu dikirim');
  });

  it('lists each pending report with its state in words and the failure reason', () => {
    render(<OutboxStatus state={mixed} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3); // the sent one is left out by default
    expect(items[0]?.textContent).toContain('Menunggu');
    expect(items[1]?.textContent).toContain('Sedang dikirim');
    expect(items[2]?.textContent).toContain('Gagal');
    expect(items[2]?.textContent).toContain('Alasan: Server sibuk (503)');
    expect(screen.getByRole('status').textContent).toContain('3 laporan menunggu dikirim');
  });

  it('retries a failed report by its id', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<OutboxStatus state={mixed} onRetry={onRetry} />);
    await user.click(
      screen.getByRole('button', { name: 'Coba kirim lagi: Deteksi dini, balap liar' }),
    );
    expect(onRetry).toHaveBeenCalledWith('c');
    expect(screen.queryByRole('button', { name: /semua/ })).toBeNull();
  });

  it('offers to retry every failed report when several failed', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const state: OutboxState = {
      ...mixed,
      entries: [
        ...mixed.entries,
        { id: 'e', state: 'failed', label: 'FKPM', error: 'Waktu habis' },
      ],
    };
    render(<OutboxStatus state={state} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Coba kirim lagi semua (2)' }));
    expect(onRetry).toHaveBeenCalledWith();
  });

  it('shows sent reports when asked', () => {
    render(<OutboxStatus state={mixed} showSent />);
    const list = screen.getByRole('list');
    expect(within(list).getByText('Binluh SMPN 1')).toBeTruthy();
    expect(within(list).getByText('Terkirim')).toBeTruthy();
  });

  it('says pending reports wait for a signal while offline', () => {
    render(<OutboxStatus state={mixed} online={false} />);
    expect(screen.getByText('Akan dikirim otomatis saat tersambung.')).toBeTruthy();
  });
});

describe('OfflineBanner', () => {
  it('renders nothing but its live region while online', () => {
    render(<OfflineBanner online />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('explains calmly that reports are kept while offline, as a status, not an alert', () => {
    render(<OfflineBanner online={false} pendingCount={2} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Anda sedang offline');
    expect(status.textContent).toContain('2 laporan menunggu sinyal.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
