import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { RadioGroupField, SelectField, TextAreaField, TextField } from './Field.js';

const meta = {
  title: 'Form/Fields',
  parameters: {
    docs: { description: { component: 'Labelled fields with hint and error, GOV.UK style.' } },
  },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const fields = (
  error: boolean,
  initial: { name: string; religion: string; sex: string; notes: string },
) => (
  <Stateful initial={initial}>
    {(v, set) => (
      <>
        <TextField
          label="Nama lengkap"
          hint="Sesuai KTP"
          value={v.name}
          error={error ? 'Nama minimal 2 karakter.' : undefined}
          onValueChange={(name) => set({ ...v, name })}
        />
        <SelectField
          label="Agama"
          optional
          value={v.religion}
          options={[
            { value: 'ISLAM', label: 'Islam' },
            { value: 'KRISTEN', label: 'Kristen' },
          ]}
          onValueChange={(religion) => set({ ...v, religion })}
        />
        <RadioGroupField
          legend="Jenis kelamin"
          inline
          value={v.sex}
          error={error ? 'Wajib diisi.' : undefined}
          options={[
            { value: 'L', label: 'Laki-laki' },
            { value: 'P', label: 'Perempuan' },
          ]}
          onValueChange={(sex) => set({ ...v, sex })}
        />
        <TextAreaField
          label="Catatan"
          optional
          value={v.notes}
          onValueChange={(notes) => set({ ...v, notes })}
        />
      </>
    )}
  </Stateful>
);

export const Empty: Story = {
  render: () => fields(false, { name: '', religion: '', sex: '', notes: '' }),
};
export const Filled: Story = {
  render: () =>
    fields(false, { name: 'Ahmad Fauzi', religion: 'ISLAM', sex: 'L', notes: 'Warga ramah.' }),
};
export const Invalid: Story = {
  render: () => fields(true, { name: 'A', religion: '', sex: '', notes: '' }),
};
export const English: Story = {
  ...english,
  render: () => fields(false, { name: '', religion: '', sex: '', notes: '' }),
};
