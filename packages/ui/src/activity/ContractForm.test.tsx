import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { spec } from '../test-spec.js';
import { ContractForm } from './ContractForm.js';
import { formHints } from './hints.js';

describe('ContractForm', () => {
  it('draws an information report with the grading picker and sends it when valid', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <ContractForm
        spec={spec}
        schemaName="InformationReportInput"
        title="Laporan informasi"
        hints={formHints.InformationReportInput}
        defaultValue={{
          field: 'KEAMANAN',
          method: 'WAWANCARA',
          description:
            'Warga RT 03 RW 02 Murung Sari melaporkan tiga kali kehilangan sepeda motor di gang yang lampu jalannya padam.',
          keywords: ['pencurian'],
          location: { desaCode: '63.08.05.1002' },
        }}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Sumber dan penilaian' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    // Reliability and credibility are required: both show on the grading picker.
    expect(document.getElementById('form-sourceReliability-error')?.textContent).toContain(
      'Wajib diisi.',
    );
    expect(document.getElementById('form-credibility-error')?.textContent).toContain(
      'Wajib diisi.',
    );
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText('B: Biasanya andal'));
    await user.click(screen.getByLabelText('2: Kemungkinan besar benar'));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      sourceReliability: 'B',
      credibility: 2,
      keywords: ['pencurian'],
    });
  });

  it('draws any schema in schema order when it has no hints', () => {
    render(
      <ContractForm
        spec={spec}
        schemaName="CitizenReportInput"
        title="Lapor"
        onSubmit={() => {}}
        locale="en"
      />,
    );
    expect(screen.getByLabelText('Title')).toBeTruthy();
    expect(screen.getByLabelText('Description')).toBeTruthy();
    expect(screen.getByLabelText(/^Problem category/)).toBeTruthy();
  });
});
