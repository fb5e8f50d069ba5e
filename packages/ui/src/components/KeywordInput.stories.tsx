import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { KeywordInput } from './KeywordInput.js';

const meta = { title: 'Form/KeywordInput' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const story = (initial: string[], showMinimumError = false) => (
  <Stateful initial={initial}>
    {(v, set) => (
      <KeywordInput
        value={v}
        onChange={set}
        min={5}
        showMinimumError={showMinimumError}
        suggestions={['narkoba', 'balap liar', 'pencurian', 'sengketa tanah']}
      />
    )}
  </Stateful>
);

export const Empty: Story = { render: () => story([]) };
export const Filled: Story = {
  render: () => story(['sengketa', 'batas kebun', 'patok', 'mediasi', 'kebun karet']),
};
export const BelowMinimum: Story = { render: () => story(['sengketa', 'patok'], true) };
export const English: Story = { ...english, render: () => story(['narkoba'], true) };
