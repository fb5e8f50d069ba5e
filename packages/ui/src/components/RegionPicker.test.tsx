import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sampleRegions } from '../fixtures/regions.js';
import { RegionPicker, type RegionPickerValue } from './RegionPicker.js';
import {
  apiRegionSource,
  type RegionSource,
  regionChain,
  staticRegionSource,
} from './region-source.js';

function Harness({
  source,
  initial = { code: null },
}: {
  source: RegionSource;
  initial?: RegionPickerValue;
}) {
  const [value, setValue] = useState<RegionPickerValue>(initial);
  return (
    <>
      <RegionPicker idPrefix="loc" source={source} value={value} onChange={setValue} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

const select = (label: RegExp) => screen.getByLabelText(label) as HTMLSelectElement;
const optionTexts = (element: HTMLSelectElement) => [...element.options].map((o) => o.text);

describe('RegionPicker', () => {
  it('loads each level when its parent is chosen: provinsi, kabupaten, kecamatan, desa', async () => {
    const user = userEvent.setup();
    render(<Harness source={staticRegionSource(sampleRegions)} />);
    await waitFor(() => expect(select(/^Provinsi/).disabled).toBe(false));
    expect(select(/^Kabupaten/).disabled).toBe(true);
    expect(optionTexts(select(/^Kabupaten/))[0]).toBe('Pilih Provinsi dulu');

    await user.selectOptions(select(/^Provinsi/), '63');
    await waitFor(() => expect(select(/^Kabupaten/).disabled).toBe(false));
    expect(optionTexts(select(/^Kabupaten/))).toContain('Kabupaten Hulu Sungai Utara');

    await user.selectOptions(select(/^Kabupaten/), '63.08');
    await waitFor(() => expect(select(/^Kecamatan/).disabled).toBe(false));
    expect(optionTexts(select(/^Kecamatan/))).toHaveLength(11); // "Pilih…" and the 10 kecamatan

    await user.selectOptions(select(/^Kecamatan/), '63.08.05');
    await waitFor(() => expect(select(/^Desa/).disabled).toBe(false));
    await user.selectOptions(select(/^Desa/), '63.08.05.1002');
    await user.type(screen.getByLabelText(/^RT/), '03');
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '')).toEqual({
      code: '63.08.05.1002',
      rt: '03',
    });
  });

  it('clears the lower levels and RT/RW when a higher level changes', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        source={staticRegionSource(sampleRegions)}
        initial={{ code: '63.08.05.1002', rt: '03', rw: '02' }}
      />,
    );
    await waitFor(() => expect(select(/^Desa/).value).toBe('63.08.05.1002'));
    await user.selectOptions(select(/^Kecamatan/), '63.08.01');
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '')).toEqual({ code: '63.08.01' });
    await waitFor(() => expect(optionTexts(select(/^Desa/))).toContain('Danau Panggang'));
    expect(select(/^Desa/).value).toBe('');
  });

  it('says when a list failed to load and loads it again on request', async () => {
    const user = userEvent.setup();
    let fail = true;
    const inner = staticRegionSource(sampleRegions);
    const source: RegionSource = vi.fn(async (parent) => {
      if (fail) throw new Error('offline');
      return inner(parent);
    });
    render(<Harness source={source} />);
    expect(await screen.findByText('Daftar wilayah gagal dimuat.')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Muat ulang daftar' }));
    await waitFor(() => expect(optionTexts(select(/^Provinsi/))).toContain('Kalimantan Selatan'));
    expect(screen.queryByText('Daftar wilayah gagal dimuat.')).toBeNull();
  });

  it('shows the desa error on the desa select', async () => {
    render(
      <RegionPicker
        idPrefix="loc"
        source={staticRegionSource(sampleRegions)}
        value={{ code: null }}
        onChange={() => {}}
        errors={{ desaCode: 'Wajib diisi.' }}
      />,
    );
    const desa = select(/^Desa/);
    expect(desa.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(desa.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Wajib diisi.');
    expect(desa.id).toBe('loc-desaCode');
  });
});

describe('region sources', () => {
  it('follows nextCursor through every page of the API', async () => {
    const pages = [
      { items: [sampleRegions[1]], nextCursor: 'p2' },
      { items: [sampleRegions[2]], nextCursor: null },
    ];
    const list = vi.fn(
      async (query: { cursor?: string }) => (query.cursor ? pages[1] : pages[0]) as never,
    );
    const items = await apiRegionSource(list)('63');
    expect(items.map((r) => r.code)).toEqual(['63.01', '63.02']);
    expect(list).toHaveBeenCalledWith({ parentCode: '63', limit: 100 }, undefined);
    expect(list).toHaveBeenLastCalledWith(
      { parentCode: '63', limit: 100, cursor: 'p2' },
      undefined,
    );
  });

  it('asks the API for provinces at the top level', async () => {
    const list = vi.fn(async () => ({ items: [], nextCursor: null }));
    await apiRegionSource(list)(null);
    expect(list).toHaveBeenCalledWith({ level: 'PROVINSI', limit: 100 }, undefined);
  });

  it('lists the codes of a region and its ancestors', () => {
    expect(regionChain('63.08.05.1002')).toEqual(['63', '63.08', '63.08.05', '63.08.05.1002']);
    expect(regionChain(null)).toEqual([]);
  });
});
