import type { Meta, StoryObj } from '@storybook/react-vite';
import { english } from '../stories/helpers.js';
import { ErrorSummary } from './ErrorSummary.js';

const meta = {
  title: 'Form/ErrorSummary',
  component: ErrorSummary,
  args: { focusOnMount: false, items: [] },
} satisfies Meta<typeof ErrorSummary>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FieldErrors: Story = {
  args: {
    items: [
      {
        label: 'Uraian',
        message: 'Uraian minimal 50 karakter (sekarang 23).',
        targetId: 'description',
      },
      { label: 'Kepala keluarga › Nama', message: 'Wajib diisi.', targetId: 'name' },
    ],
  },
};
export const FormError: Story = {
  args: {
    formError: 'Status laporan tidak mengizinkan. Laporan berstatus SUBMITTED tidak dapat diubah.',
  },
};
export const English: Story = {
  ...english,
  args: {
    items: [
      {
        label: 'Description',
        message: 'A description needs at least 50 characters (now 23).',
        targetId: 'd',
      },
    ],
  },
};
