import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { ReviewPanel } from './ReviewPanel.js';

const meta = {
  title: 'Reports/ReviewPanel',
  component: ReviewPanel,
  args: { onSubmit: () => new Promise((resolve) => setTimeout(resolve, 600)) },
} satisfies Meta<typeof ReviewPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const Refused: Story = {
  args: {
    problem: {
      type: 'urn:bosv2:problem:invalid-state',
      title: 'Status laporan tidak mengizinkan',
      status: 409,
      code: 'invalid-state',
      detail: 'Laporan berstatus DRAFT belum dapat diperiksa.',
    },
  },
};
export const Disabled: Story = { args: { disabled: true } };
export const English: Story = { ...english };
