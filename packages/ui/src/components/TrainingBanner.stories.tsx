import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { TrainingBanner } from './TrainingBanner.js';

const meta = {
  title: 'Training/TrainingBanner',
  component: TrainingBanner,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof TrainingBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Banner: Story = { args: { detail: 'Skenario 2: DDS warga.' } };
export const Framed: Story = {
  args: {
    children: (
      <main>
        <h1>Laporan kegiatan</h1>
        <p>Layar latihan dibingkai agar tidak tertukar dengan BOS V2 yang sebenarnya.</p>
      </main>
    ),
  },
};
export const English: Story = { ...english, args: { detail: 'Scenario 2: DDS household visit.' } };
