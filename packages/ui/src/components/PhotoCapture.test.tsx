import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DownscaledImage } from './downscale.js';
import { PhotoCapture } from './PhotoCapture.js';

function Harness({ downscale }: { downscale: (file: File) => Promise<DownscaledImage> }) {
  const [photo, setPhoto] = useState<DownscaledImage | null>(null);
  return (
    <>
      <PhotoCapture value={photo} onChange={setPhoto} downscale={downscale} />
      <output data-testid="out">{photo ? `${photo.width}x${photo.height}` : 'none'}</output>
    </>
  );
}

describe('PhotoCapture', () => {
  it('downscales the chosen photo before handing it over', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const downscale = vi.fn(async (file: File) => ({
      blob: new Blob(['small'], { type: 'image/jpeg' }),
      width: 1600,
      height: 1200,
      originalWidth: 4000,
      originalHeight: 3000,
      originalBytes: file.size,
    }));
    render(<Harness downscale={downscale} />);
    const file = new File(['x'.repeat(5000)], 'sambang.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText(/^Foto kegiatan/), file);
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('1600x1200'));
    expect(downscale).toHaveBeenCalledWith(file, {});
    expect(screen.getByRole('button', { name: 'Hapus foto' })).toBeTruthy();
  });

  it('refuses a file that is not an image, and says why', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const downscale = vi.fn();
    render(<Harness downscale={downscale} />);
    await user.upload(
      screen.getByLabelText(/^Foto kegiatan/),
      new File(['%PDF'], 'surat.pdf', { type: 'application/pdf' }),
    );
    expect(
      await screen.findByText('Berkas ini bukan foto. Pilih berkas JPG, PNG atau WEBP.'),
    ).toBeTruthy();
    expect(downscale).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Foto kegiatan/).getAttribute('aria-invalid')).toBe('true');
  });

  it('says when the photo cannot be read', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Harness downscale={() => Promise.reject(new Error('decode'))} />);
    await user.upload(
      screen.getByLabelText(/^Foto kegiatan/),
      new File(['?'], 'rusak.jpg', { type: 'image/jpeg' }),
    );
    expect(await screen.findByText('Foto tidak dapat dibaca. Coba foto lain.')).toBeTruthy();
  });
});
