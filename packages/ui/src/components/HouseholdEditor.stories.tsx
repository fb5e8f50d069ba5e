import type { Meta, StoryObj } from '@storybook/react-vite';
import { english, Stateful } from '../stories/helpers.js';
import { HouseholdEditor, type HouseholdMemberValue } from './HouseholdEditor.js';

const meta = { title: 'Form/HouseholdEditor' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const family: HouseholdMemberValue[] = [
  {
    name: 'Nurul Hidayah',
    sex: 'P',
    birthDate: '1983-09-01',
    relation: 'ISTRI',
    occupation: 'Ibu rumah tangga',
  },
  {
    name: 'Muhammad Rizki',
    sex: 'L',
    birthDate: '2008-02-17',
    relation: 'ANAK',
    occupation: 'Pelajar',
  },
];

const story = (initial: HouseholdMemberValue[], errors?: Record<string, string>) => (
  <Stateful initial={initial}>
    {(v, set) => <HouseholdEditor idPrefix="anggota" value={v} onChange={set} errors={errors} />}
  </Stateful>
);

export const Empty: Story = { render: () => story([]) };
export const Filled: Story = { render: () => story(family) };
export const Invalid: Story = {
  render: () =>
    story([{ name: 'N' }], {
      '0.name': 'Minimal 2 karakter.',
      '0.sex': 'Wajib diisi.',
      '0.relation': 'Wajib diisi.',
    }),
};
export const English: Story = { ...english, render: () => story(family) };
