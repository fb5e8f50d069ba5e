import type { Meta, StoryObj } from '@storybook/react-vite';
import { sampleRegions } from '../fixtures/regions.js';
import { english, Stateful } from '../stories/helpers.js';
import { RegionPicker, type RegionPickerValue } from './RegionPicker.js';
import { type RegionSource, staticRegionSource } from './region-source.js';

const meta = { title: 'Form/RegionPicker' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const fast = staticRegionSource(sampleRegions);
const never: RegionSource = () => new Promise(() => {});
const failing: RegionSource = async () => {
  throw new Error('offline');
};

const story = (
  source: RegionSource,
  initial: RegionPickerValue,
  errors?: Record<string, string>,
) => (
  <Stateful initial={initial}>
    {(v, set) => (
      <RegionPicker idPrefix="lokasi" source={source} value={v} onChange={set} errors={errors} />
    )}
  </Stateful>
);

export const Empty: Story = { render: () => story(fast, { code: null }) };
export const Filled: Story = {
  render: () => story(fast, { code: '63.08.05.1002', rt: '03', rw: '02' }),
};
export const Loading: Story = { render: () => story(never, { code: null }) };
export const Offline: Story = { render: () => story(failing, { code: null }) };
export const Invalid: Story = {
  render: () =>
    story(
      fast,
      { code: '63.08.05', rt: 'x' },
      { desaCode: 'Wajib diisi.', rt: 'Masukkan angka, misalnya 03.' },
    ),
};
export const English: Story = { ...english, render: () => story(fast, { code: '63.08' }) };
