import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { OfflineBanner } from './OfflineBanner.js';

const meta = {
  title: 'Sync/OfflineBanner',
  component: OfflineBanner,
  args: { online: false },
} satisfies Meta<typeof OfflineBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Offline: Story = {};
export const OfflineWithPending: Story = { args: { pendingCount: 3 } };
export const Online: Story = { args: { online: true } };
export const English: Story = { ...english, args: { pendingCount: 2 } };
