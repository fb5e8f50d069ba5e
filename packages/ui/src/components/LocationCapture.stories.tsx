import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import {
  type GeoPoint,
  LocationCapture,
  LocationError,
  type PositionSource,
  simulatedPosition,
} from './LocationCapture.js';

const meta = { title: 'Capture/LocationCapture' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const denied: PositionSource = async () => {
  throw new LocationError('denied');
};

const story = (
  initial: GeoPoint | null,
  source: PositionSource,
  simulated = false,
  error?: string,
) => (
  <Stateful initial={initial}>
    {(v, set) => (
      <LocationCapture
        value={v}
        onChange={set}
        source={source}
        simulated={simulated}
        error={error}
      />
    )}
  </Stateful>
);

export const Empty: Story = { render: () => story(null, simulatedPosition()) };
export const Captured: Story = {
  render: () => story({ lat: -2.4178, lng: 115.2486, accuracyM: 12 }, simulatedPosition()),
};
export const Training: Story = {
  render: () => story({ lat: -2.4178, lng: 115.2486, accuracyM: 12 }, simulatedPosition(), true),
};
export const Denied: Story = {
  render: () =>
    story(
      null,
      denied,
      false,
      'Izin lokasi ditolak. Aktifkan izin lokasi di pengaturan peramban, atau lanjutkan tanpa titik lokasi.',
    ),
};
export const English: Story = {
  ...english,
  render: () => story({ lat: -2.4178, lng: 115.2486, accuracyM: 12 }, simulatedPosition(), true),
};
