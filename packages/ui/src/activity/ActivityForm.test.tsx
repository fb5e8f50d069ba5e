import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { staticRegionSource } from '../components/region-source.js';
import { sampleRegions } from '../fixtures/regions.js';
import { spec } from '../test-spec.js';
import { ActivityForm } from './ActivityForm.js';
import { activityVariants, validateActivity } from './schema.js';

const variants = activityVariants(spec);
const examples = (
  spec as { components: { examples: Record<string, { value: Record<string, unknown> }> } }
).components.examples;
// The contract's DDS warga example, minus the attachment (no uploader in these tests).
const { attachmentIds: _, ...ddsExample } = examples.DdsWargaInput?.value ?? {};

describe('ActivityForm', () => {
  it('knows every activity type of the contract', () => {
    expect(variants.length).toBeGreaterThanOrEqual(19);
    expect(variants.map((v) => v.type)).toContain('DDS_WARGA');
    expect(variants.map((v) => v.type)).toContain('KONTINJENSI');
  });

  it.each(variants.map((v) => [v.type, v] as const))(
    'renders a working form for %s',
    (type, variant) => {
      const { container } = render(<ActivityForm spec={spec} type={type} onSubmit={() => {}} />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe('');
      expect(screen.getByRole('button', { name: 'Simpan' })).toBeTruthy();
      // Every required field of `details` has a control (or a group) with the path's id.
      const details = variant.schema.properties?.details;
      for (const name of details?.required ?? []) {
        const id = `activity-details-${name}`;
        const found = container.querySelector(`[id="${id}"], [id^="${id}-"]`);
        expect(found, `${type}: details.${name}`).not.toBeNull();
      }
      // Every control has an accessible label.
      for (const control of container.querySelectorAll('input, select, textarea')) {
        const labelled =
          control.getAttribute('aria-label') ||
          (control.id && container.querySelector(`label[for="${control.id}"]`));
        expect(labelled, `${type}: #${control.id}`).toBeTruthy();
      }
    },
  );

  it('shows every error in a focused summary and on its field when an empty form is sent', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ActivityForm spec={spec} type="GIAT_DESA" onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByText('Ada yang perlu diperbaiki')).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.length).toBeGreaterThanOrEqual(4); // date, location.desaCode, description, details.*
    const eventName = screen.getByLabelText('Nama kegiatan');
    expect(eventName.getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('moves focus to the field when its error link is followed', async () => {
    const user = userEvent.setup();
    render(<ActivityForm spec={spec} type="GIAT_DESA" onSubmit={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    const summary = await screen.findByRole('alert');
    await user.click(within(summary).getByRole('link', { name: 'Nama kegiatan: Wajib diisi.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Nama kegiatan'));
    // An error on a group with no control of its own goes to the group.
    await user.click(
      within(summary).getByRole('link', { name: 'Lokasi › Desa/Kelurahan: Wajib diisi.' }),
    );
    expect(document.activeElement?.id).toBe('activity-location-desaCode');
  });

  it('says a short description needs 50 characters, with the count', async () => {
    const user = userEvent.setup();
    render(
      <ActivityForm
        spec={spec}
        type="GIAT_DESA"
        defaultValue={{ description: 'Giat desa singkat' }}
        onSubmit={() => {}}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    const description = screen.getByLabelText('Uraian');
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getAllByText('Uraian minimal 50 karakter (sekarang 17).').length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('asks for five keywords on a problem-solving report', async () => {
    const user = userEvent.setup();
    render(
      <ActivityForm
        spec={spec}
        type="PS_NON_SENGKETA"
        defaultValue={{ details: { keywords: ['banjir', 'jalan'] } }}
        onSubmit={() => {}}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(screen.getAllByText('Minimal 5 kata kunci (sekarang 2).').length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('sends the contract example of DDS warga, cleaned, when it is valid', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <ActivityForm
        spec={spec}
        type="DDS_WARGA"
        defaultValue={ddsExample}
        regionSource={staticRegionSource(sampleRegions)}
        onSubmit={onSubmit}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const sent = onSubmit.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(sent.type).toBe('DDS_WARGA');
    expect(validateActivity(spec, sent)).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server’s field errors from problem+json on the fields', () => {
    render(
      <ActivityForm
        spec={spec}
        type="DDS_WARGA"
        defaultValue={ddsExample}
        onSubmit={() => {}}
        problem={{
          type: 'urn:bosv2:problem:validation-failed',
          title: 'Data tidak valid',
          status: 400,
          code: 'validation-failed',
          errors: [
            {
              field: 'details.headOfHousehold.phone',
              code: 'pattern',
              message: 'Nomor HP tidak valid (server).',
            },
          ],
        }}
      />,
    );
    const phone = document.getElementById(
      'activity-details-headOfHousehold-phone',
    ) as HTMLInputElement;
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByRole('link', {
        name: 'Kepala keluarga › Nomor HP: Nomor HP tidak valid (server).',
      }),
    ).toBeTruthy();
    expect(
      document.getElementById('activity-details-headOfHousehold-phone-error')?.textContent,
    ).toContain('Nomor HP tidak valid (server).');
  });

  it('marks the fields of an optional group "(opsional)", even those the group itself requires', () => {
    render(<ActivityForm spec={spec} type="DDS_WARGA" onSubmit={() => {}} />);
    const labelOf = (id: string) => document.querySelector(`label[for="${id}"]`)?.textContent ?? '';
    // relativeElsewhere is optional; its `name` is required only once the group is filled.
    expect(labelOf('activity-details-relativeElsewhere-name')).toContain('(opsional)');
    expect(labelOf('activity-details-relativeElsewhere-address')).toContain('(opsional)');
    // The head of household is required, and so is their name.
    expect(labelOf('activity-details-headOfHousehold-name')).not.toContain('(opsional)');
  });

  it('takes several photos, up to the contract’s 10, and sends every id in order', async () => {
    const user = userEvent.setup({ applyAccept: false });
    let next = 0;
    const ids = ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c61', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c62'];
    const upload = vi.fn(async () => ids[next++] as string);
    const downscalePhoto = async (file: File) => ({
      blob: new Blob(['small'], { type: 'image/jpeg' }),
      width: 800,
      height: 600,
      originalWidth: 4000,
      originalHeight: 3000,
      originalBytes: file.size,
    });
    const changes: Record<string, unknown>[] = [];
    const { container } = render(
      <ActivityForm
        spec={spec}
        type="GIAT_DESA"
        uploadAttachment={upload}
        downscalePhoto={downscalePhoto}
        onChange={(value) => changes.push(value)}
        onSubmit={() => {}}
      />,
    );
    const fileInputs = () => [
      ...container.querySelectorAll<HTMLInputElement>('input[type="file"]'),
    ];
    expect(fileInputs()).toHaveLength(1);
    expect(screen.getByLabelText(/^Foto dan lampiran 1 \(paling banyak 10\)/)).toBeTruthy();
    await user.upload(
      fileInputs()[0] as HTMLInputElement,
      new File(['a'], 'a.jpg', { type: 'image/jpeg' }),
    );
    await waitFor(() => expect(fileInputs()).toHaveLength(2));
    await user.upload(
      fileInputs()[1] as HTMLInputElement,
      new File(['b'], 'b.jpg', { type: 'image/jpeg' }),
    );
    await waitFor(() => expect(changes.at(-1)?.attachmentIds).toEqual(ids));
    expect(upload).toHaveBeenCalledTimes(2);
    expect(fileInputs()).toHaveLength(3);
  });

  it('fills the DDS visit receiver from the head of household with one tick', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<ActivityForm spec={spec} type="DDS_WARGA" onSubmit={() => {}} onChange={onChange} />);
    await user.type(
      document.getElementById('activity-details-headOfHousehold-name') as HTMLElement,
      'Siti',
    );
    await user.click(screen.getByLabelText('Diterima oleh kepala keluarga sendiri'));
    const last = onChange.mock.calls.at(-1)?.[0] as { details: { receivedBy: unknown } };
    expect(last.details.receivedBy).toEqual({ name: 'Siti', relation: 'KEPALA_KELUARGA' });
  });

  it('adds and removes items of a list field', async () => {
    const user = userEvent.setup();
    render(<ActivityForm spec={spec} type="PS_NON_SENGKETA" onSubmit={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Tambah Pihak yang terlibat' }));
    const first = screen.getByLabelText('Pihak yang terlibat 1');
    expect(document.activeElement).toBe(first);
    fireEvent.change(first, { target: { value: 'Ketua RT 03' } });
    await user.click(screen.getByRole('button', { name: 'Hapus Pihak yang terlibat 1' }));
    expect(screen.queryByLabelText('Pihak yang terlibat 1')).toBeNull();
  });

  it('renders in English', () => {
    render(<ActivityForm spec={spec} type="GIAT_DESA" onSubmit={() => {}} locale="en" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Village activity');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByLabelText('Event')).toBeTruthy();
  });

  it('says so when the type is not in the contract', () => {
    render(<ActivityForm spec={spec} type="NOT_A_TYPE" onSubmit={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('NOT_A_TYPE');
  });
});
