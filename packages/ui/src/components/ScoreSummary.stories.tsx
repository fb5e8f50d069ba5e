import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { ScoreSummary } from './ScoreSummary.js';

const meta = {
  title: 'Training/ScoreSummary',
  component: ScoreSummary,
  args: { score: 0, max: 10 },
} satisfies Meta<typeof ScoreSummary>;
export default meta;
type Story = StoryObj<typeof meta>;

const items = [
  { label: 'Lokasi dan waktu', points: 2, max: 2 },
  { label: 'Data kepala keluarga', points: 3, max: 3 },
  {
    label: 'Uraian',
    points: 1,
    max: 3,
    feedback: 'Sebutkan RT/RW dan apa yang Anda lakukan, bukan hanya keluhan warga.',
  },
  {
    label: 'Kata kunci',
    points: 1,
    max: 2,
    feedback: 'Tambahkan kata kunci tempat dan jenis masalah.',
  },
];

export const Passed: Story = {
  args: {
    score: 9,
    max: 10,
    items: items.map((i) => ({ ...i, points: i.max })).slice(0, 3),
    onRetry: () => {},
  },
};
export const Failed: Story = { args: { score: 7, max: 10, items, onRetry: () => {} } };
export const English: Story = {
  ...english,
  args: {
    score: 7,
    max: 10,
    items: [
      { label: 'Description', points: 1, max: 3, feedback: 'Say the RT/RW and what you did.' },
    ],
  },
};
