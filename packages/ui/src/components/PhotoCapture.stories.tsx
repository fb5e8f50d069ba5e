import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import type { DownscaledImage } from './downscale.js';
import { PhotoCapture } from './PhotoCapture.js';

const meta = { title: 'Capture/PhotoCapture' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** A drawn stand-in for a photo, so the story needs no image file. */
async function samplePhoto(): Promise<DownscaledImage> {
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 360;
  const g = canvas.getContext('2d');
  if (g) {
    g.fillStyle = '#8fb996';
    g.fillRect(0, 0, 480, 360);
    g.fillStyle = '#c2703d';
    g.fillRect(150, 140, 180, 140);
    g.fillStyle = '#7a3b1d';
    g.beginPath();
    g.moveTo(130, 140);
    g.lineTo(240, 70);
    g.lineTo(350, 140);
    g.fill();
  }
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((b) => resolve(b ?? new Blob()), 'image/jpeg', 0.8),
  );
  return {
    blob,
    width: 480,
    height: 360,
    originalWidth: 4000,
    originalHeight: 3000,
    originalBytes: 4_200_000,
  };
}

const story = (initial: DownscaledImage | null, extra: { error?: string; busy?: boolean } = {}) => (
  <Stateful initial={initial}>
    {(v, set) => <PhotoCapture value={v} onChange={set} {...extra} />}
  </Stateful>
);

export const Empty: Story = { render: () => story(null) };
export const Filled: Story = {
  loaders: [async () => ({ photo: await samplePhoto() })],
  render: (_args, { loaded }) => story(loaded.photo as DownscaledImage),
};
export const Processing: Story = { render: () => story(null, { busy: true }) };
export const Invalid: Story = {
  render: () => story(null, { error: 'Berkas ini bukan foto. Pilih berkas JPG, PNG atau WEBP.' }),
};
export const English: Story = {
  ...english,
  loaders: [async () => ({ photo: await samplePhoto() })],
  render: (_args, { loaded }) => story(loaded.photo as DownscaledImage),
};
