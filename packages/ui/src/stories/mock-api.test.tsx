import spec from '@bosv2/contract/openapi.json';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ActivityForm } from '../activity/ActivityForm.js';
import type { SchemaDocument } from '../activity/schema.js';
import { RegionPicker, type RegionPickerValue } from '../components/RegionPicker.js';
import { type MockApi, mockApi, SubmitFailed } from './mock-api.js';
import { MockActivityForm, refusedInput } from './mock-stories.js';

const contract = spec as unknown as SchemaDocument;

function Picker({ api, initial = { code: null } }: { api: MockApi; initial?: RegionPickerValue }) {
  const [value, setValue] = useState<RegionPickerValue>(initial);
  return (
    <>
      <RegionPicker idPrefix="loc" source={api.regionSource} value={value} onChange={setValue} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

const select = (label: RegExp) => screen.getByLabelText(label) as HTMLSelectElement;
const optionTexts = (element: HTMLSelectElement) => [...element.options].map((o) => o.text);

describe('the region picker on the mock API', () => {
  it('cascades from the mock’s regions: Amuntai Tengah, then the desa Murung Sari', async () => {
    const user = userEvent.setup();
    render(<Picker api={mockApi({ seed: 1 })} initial={{ code: '63.08' }} />);
    await waitFor(() => expect(select(/^Kecamatan/).disabled).toBe(false));
    // "Pilih…" and the 10 kecamatan of Hulu Sungai Utara, as the mock answers them.
    expect(optionTexts(select(/^Kecamatan/))).toHaveLength(11);
    expect(optionTexts(select(/^Kecamatan/))).toContain('Amuntai Tengah');
    expect(select(/^Desa/).disabled).toBe(true);

    await user.selectOptions(select(/^Kecamatan/), '63.08.05');
    await waitFor(() => expect(select(/^Desa/).disabled).toBe(false));
    expect(optionTexts(select(/^Desa/))).toContain('Murung Sari');
    await user.selectOptions(select(/^Desa/), '63.08.05.1002');
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '')).toEqual({
      code: '63.08.05.1002',
    });
  });

  it('says the list failed, with a retry, when the mock is offline or answers 503', async () => {
    for (const fault of ['offline', '5xx=503']) {
      const { unmount } = render(<Picker api={mockApi({ faults: { regions: fault } })} />);
      expect(await screen.findByText('Daftar wilayah gagal dimuat.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Muat ulang daftar' })).toBeTruthy();
      unmount();
    }
  });
});

describe('the activity form on the mock API', () => {
  it('gets a 422 from the mock for a desa outside the officer’s area, shown on the desa field', async () => {
    const api = mockApi({ seed: 1 });
    const failure = await api.createActivity(refusedInput).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SubmitFailed);
    const problem = (failure as SubmitFailed).problem;
    expect(problem.status).toBe(422);
    expect(problem.errors?.[0]?.field).toBe('location.desaCode');

    render(
      <ActivityForm
        spec={contract}
        type="GIAT_DESA"
        defaultValue={refusedInput}
        regionSource={api.regionSource}
        problem={problem}
        onSubmit={() => {}}
      />,
    );
    const desa = await screen.findByLabelText(/^Desa/);
    await waitFor(() => expect(desa.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/Desa ini bukan lokasi penugasan Anda\./).length).toBeGreaterThan(0);
  });

  it('sends a valid report to the mock and says it was received', async () => {
    const user = userEvent.setup();
    render(
      <MockActivityForm api={mockApi({ seed: 1 })} type="GIAT_DESA" defaultValue={acceptedInput} />,
    );
    await waitFor(() => expect(select(/^Desa/).value).toBe('63.08.05.1002'));
    await user.click(screen.getByRole('button', { name: /^Simpan/ }));
    expect(await screen.findByText(/Laporan diterima server/)).toBeTruthy();
  });

  it('shows a network error as a form-level message when the mock is offline', async () => {
    const user = userEvent.setup();
    render(
      <MockActivityForm
        api={mockApi({ seed: 1, faults: { submit: 'offline' } })}
        type="GIAT_DESA"
        defaultValue={acceptedInput}
      />,
    );
    await waitFor(() => expect(select(/^Desa/).value).toBe('63.08.05.1002'));
    await user.click(screen.getByRole('button', { name: /^Simpan/ }));
    expect(await screen.findByText(/Tidak ada koneksi/)).toBeTruthy();
  });
});

describe('the mock API adapter', () => {
  it('turns the mock’s 503 into its problem+json, and an offline fault into a network problem', async () => {
    const unavailable = await mockApi({ faults: { submit: '5xx=503' } })
      .createActivity(acceptedInput)
      .catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(SubmitFailed);
    expect((unavailable as SubmitFailed).problem.status).toBe(503);
    const offline = await mockApi({ faults: { submit: 'offline' } })
      .createActivity(acceptedInput)
      .catch((error: unknown) => error);
    expect((offline as SubmitFailed).problem.code).toBe('network-error');
  });
});

const acceptedInput = {
  ...refusedInput,
  location: { desaCode: '63.08.05.1002', rt: '03', rw: '02' },
};
