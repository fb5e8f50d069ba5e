import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { ReportCard, type ReportSummary } from './ReportCard.js';

const meta = {
  title: 'Reports/ReportCard',
  component: ReportCard,
  args: { report: null },
} satisfies Meta<typeof ReportCard>;
export default meta;
type Story = StoryObj<typeof meta>;

const base: ReportSummary = {
  id: '2f1e0d9c-8b7a-4695-8493-a2b1c0d9e8f7',
  type: 'DDS_WARGA',
  date: '2026-11-20',
  status: 'SUBMITTED',
  place: 'Murung Sari, Amuntai Tengah',
  description:
    'Sambang ke rumah keluarga Bapak Ahmad Fauzi di RT 03 RW 02. Warga mengeluhkan lampu jalan padam sejak seminggu sehingga gang rawan pencurian pada malam hari; disarankan ronda.',
};

export const Loading: Story = { args: { report: null } };
export const Draft: Story = { args: { report: { ...base, status: 'DRAFT' }, href: '#laporan' } };
export const Submitted: Story = { args: { report: base, href: '#laporan' } };
export const Returned: Story = {
  args: {
    report: {
      ...base,
      status: 'RETURNED',
      reviewNote: 'Lengkapi nama kepala keluarga dan RT/RW tempat kunjungan.',
    },
    onOpen: () => {},
  },
};
export const Approved: Story = {
  args: { report: { ...base, status: 'APPROVED', type: 'GIAT_DESA' }, href: '#laporan' },
};
export const English: Story = {
  ...english,
  args: {
    report: { ...base, status: 'RETURNED', reviewNote: 'Add the RT/RW of the visit.' },
    href: '#report',
  },
};
