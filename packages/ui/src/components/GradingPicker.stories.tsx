import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { type Grading, GradingPicker } from './GradingPicker.js';

const meta = { title: 'Form/GradingPicker' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const story = (initial: Grading, errors?: { sourceReliability?: string; credibility?: string }) => (
  <Stateful initial={initial}>
    {(v, set) => <GradingPicker value={v} onChange={set} errors={errors} />}
  </Stateful>
);

export const Empty: Story = { render: () => story({}) };
export const Filled: Story = { render: () => story({ sourceReliability: 'B', credibility: 2 }) };
export const Invalid: Story = {
  render: () => story({}, { sourceReliability: 'Wajib diisi.', credibility: 'Wajib diisi.' }),
};
export const English: Story = {
  ...english,
  render: () => story({ sourceReliability: 'A', credibility: 1 }),
};
