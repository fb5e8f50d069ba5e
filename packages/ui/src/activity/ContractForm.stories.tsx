import spec from '@bosv2/contract/openapi.json';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { staticRegionSource } from '../components/region-source.js';
import { sampleRegions } from '../fixtures/regions.js';
import { english } from '../stories/helpers.js';
import { ContractForm, type ContractFormProps } from './ContractForm.js';
import { formHints } from './hints.js';
import type { UploadAttachment } from './SchemaForm.js';
import type { SchemaDocument } from './schema.js';

const contract = spec as unknown as SchemaDocument;
const upload: UploadAttachment = async () => crypto.randomUUID();

const meta = {
  title: 'Activity forms/ContractForm',
  component: ContractForm,
  args: {
    spec: contract,
    schemaName: 'InformationReportInput',
    title: 'Laporan informasi',
    hints: formHints.InformationReportInput,
    onSubmit: () => {},
    regionSource: staticRegionSource(sampleRegions, 150),
  } as ContractFormProps,
} satisfies Meta<typeof ContractForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const information = {
  field: 'KEAMANAN',
  category: 'PENCURIAN',
  level: 'POTENSI_GANGGUAN',
  method: 'WAWANCARA',
  sourceReliability: 'B',
  credibility: 2,
  description:
    'Warga RT 03 RW 02 Murung Sari melaporkan tiga kali kehilangan sepeda motor di gang yang lampu jalannya padam sejak awal November; pelaku diduga datang lewat tepi sungai.',
  keywords: ['pencurian', 'sepeda motor', 'lampu jalan'],
  location: { desaCode: '63.08.05.1002', rw: '02', rt: '03' },
};

export const InformationReportEmpty: Story = {};
export const InformationReportFilled: Story = { args: { defaultValue: information } };
export const InformationReportDuplicate: Story = {
  args: {
    defaultValue: information,
    problem: {
      type: 'urn:bosv2:problem:duplicate-description',
      title: 'Uraian sama dengan laporan sebelumnya',
      status: 422,
      code: 'duplicate-description',
      errors: [
        {
          field: 'description',
          code: 'duplicate-description',
          message: 'Uraian ini sama dengan laporan informasi tanggal 2026-11-18.',
        },
      ],
    },
  },
};
export const InformationReportEnglish: Story = {
  ...english,
  args: { title: 'Information report', validateOnMount: true },
};
export const CitizenReport: Story = {
  args: {
    schemaName: 'CitizenReportInput',
    title: 'Lapor ke polisi',
    hints: formHints.CitizenReportInput,
    uploadAttachment: upload,
  },
};
export const CitizenReportInvalid: Story = {
  args: {
    schemaName: 'CitizenReportInput',
    title: 'Lapor ke polisi',
    hints: formHints.CitizenReportInput,
    defaultValue: { title: 'Balap', description: 'Balap liar' },
    validateOnMount: true,
  },
};
