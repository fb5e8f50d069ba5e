import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { type OutboxState, OutboxStatus } from './OutboxStatus.js';

const meta = {
  title: 'Sync/OutboxStatus',
  component: OutboxStatus,
  args: { state: null, onRetry: () => {} },
} satisfies Meta<typeof OutboxStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

const pending: OutboxState = {
  count: 3,
  lastSuccessfulSync: '2026-11-20T09:30:00+08:00',
  entries: [
    { id: 'a', state: 'sending', label: 'DDS warga · Ahmad Fauzi · 20 Nov' },
    { id: 'b', state: 'queued', label: 'Giat desa · gotong royong · 20 Nov' },
    { id: 'c', state: 'queued', label: 'Deteksi dini · balap liar · 21 Nov' },
  ],
};
const failed: OutboxState = {
  count: 3,
  lastSuccessfulSync: '2026-11-19T16:02:00+08:00',
  entries: [
    {
      id: 'a',
      state: 'failed',
      label: 'DDS warga · Ahmad Fauzi · 20 Nov',
      error: 'Server sibuk (503). Dicoba lagi otomatis.',
    },
    {
      id: 'b',
      state: 'failed',
      label: 'PS sengketa · batas kebun · 18 Nov',
      error: 'Minimal 5 kata kunci (sekarang 3).',
    },
    { id: 'c', state: 'queued', label: 'Binluh · SMPN 1 Amuntai · 21 Nov' },
    { id: 'd', state: 'sent', label: 'FKPM · Murung Sari · 19 Nov' },
  ],
};

export const Loading: Story = { args: { state: null } };
export const AllSent: Story = {
  args: { state: { count: 0, entries: [], lastSuccessfulSync: '2026-11-20T10:05:00+08:00' } },
};
export const Pending: Story = { args: { state: pending } };
export const Failed: Story = { args: { state: failed } };
export const FailedWithSent: Story = { args: { state: failed, showSent: true } };
export const Offline: Story = { args: { state: pending, online: false } };
export const NeverSynced: Story = { args: { state: { ...pending, lastSuccessfulSync: null } } };
export const English: Story = { ...english, args: { state: failed } };
