import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { StatusTimeline } from './StatusTimeline.js';

const meta = {
  title: 'Reports/StatusTimeline',
  component: StatusTimeline,
  args: { steps: [] },
} satisfies Meta<typeof StatusTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

const citizen = [
  {
    status: 'SENT',
    at: '2026-11-16T07:12:00+08:00',
    by: 'Sistem BOS V2',
    note: 'Laporan diterima sistem dengan nomor BOS-2026-000123.',
  },
  {
    status: 'RECEIVED',
    at: '2026-11-16T09:00:00+08:00',
    by: 'Bripka Rahmat Hidayat',
    note: 'Laporan Ibu sudah kami terima dan akan kami tindak lanjuti.',
  },
  {
    status: 'IN_PROGRESS',
    at: '2026-11-17T10:30:00+08:00',
    by: 'Bripka Rahmat Hidayat',
    note: 'Kami melakukan patroli dan deteksi dini di lokasi pada malam Minggu ini.',
  },
];
const officer = [
  { status: 'DRAFT', at: '2026-11-20T10:02:11+08:00', by: 'Bripka Rahmat Hidayat' },
  { status: 'SUBMITTED', at: '2026-11-20T10:05:40+08:00', by: 'Bripka Rahmat Hidayat' },
  {
    status: 'RETURNED',
    at: '2026-11-21T08:15:00+08:00',
    by: 'AKP Surya Darma',
    note: 'Lengkapi nama kepala keluarga dan RT/RW tempat kunjungan.',
  },
];

export const Empty: Story = { args: { steps: [] } };
export const OfficerReport: Story = { args: { steps: officer } };
export const CitizenReport: Story = { args: { steps: citizen } };
export const English: Story = { ...english, args: { steps: officer } };
