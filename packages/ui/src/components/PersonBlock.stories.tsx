import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { PersonBlock, type PersonValue } from './PersonBlock.js';

const meta = { title: 'Form/PersonBlock' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const ahmad: PersonValue = {
  name: 'Ahmad Fauzi',
  sex: 'L',
  birthPlace: 'Amuntai',
  birthDate: '1979-04-12',
  religion: 'ISLAM',
  occupation: 'Pedagang',
  phone: '081351112233',
  address: { street: 'Jl. Norman Umar No. 12', rt: '03', rw: '02' },
};

const story = (initial: PersonValue, errors?: Record<string, string>) => (
  <Stateful initial={initial}>
    {(v, set) => (
      <PersonBlock
        idPrefix="kk"
        legend="Kepala keluarga"
        value={v}
        onChange={set}
        errors={errors}
      />
    )}
  </Stateful>
);

export const Empty: Story = { render: () => story({}) };
export const Filled: Story = { render: () => story(ahmad) };
export const Invalid: Story = {
  render: () =>
    story(
      { name: 'A', phone: '12345' },
      {
        name: 'Minimal 2 karakter.',
        sex: 'Wajib diisi.',
        phone: 'Masukkan nomor HP seperti 081234567890.',
      },
    ),
};
export const English: Story = { ...english, render: () => story(ahmad) };
