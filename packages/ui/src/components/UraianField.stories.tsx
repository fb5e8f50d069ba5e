import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { UraianField } from './UraianField.js';

const meta = { title: 'Form/UraianField' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const story = (initial: string, error?: string) => (
  <Stateful initial={initial}>
    {(v, set) => <UraianField value={v} onValueChange={set} error={error} />}
  </Stateful>
);

export const Empty: Story = { render: () => story('') };
export const TooShort: Story = {
  render: () => story('Sambang ke rumah warga RT 3', 'Uraian minimal 50 karakter (sekarang 27).'),
};
export const Filled: Story = {
  render: () =>
    story(
      'Sambang ke rumah keluarga Bapak Ahmad Fauzi di RT 03 RW 02. Warga mengeluhkan lampu jalan padam sejak seminggu sehingga gang rawan pencurian pada malam hari; disarankan ronda.',
    ),
};
export const Padded: Story = {
  render: () => story('Kunjungan warga aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
};
export const English: Story = { ...english, render: () => story('Visit to a household') };
