import spec from '@bosv2/contract/openapi.json';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { simulatedPosition } from '../components/LocationCapture.js';
import { OfflineBanner } from '../components/OfflineBanner.js';
import { staticRegionSource } from '../components/region-source.js';
import { TrainingBanner } from '../components/TrainingBanner.js';
import { sampleRegions } from '../fixtures/regions.js';
import { english } from '../stories/helpers.js';
import { ActivityForm, type ActivityFormProps } from './ActivityForm.js';
import type { UploadAttachment } from './SchemaForm.js';
import type { SchemaDocument } from './schema.js';

const contract = spec as unknown as SchemaDocument & {
  components: { examples: Record<string, { value: Record<string, unknown> }> };
};
const regions = staticRegionSource(sampleRegions, 150);
const upload: UploadAttachment = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return crypto.randomUUID();
};

const meta = {
  title: 'Activity forms/ActivityForm',
  component: ActivityForm,
  args: {
    spec: contract,
    type: 'DDS_WARGA',
    onSubmit: (() => {}) as ActivityFormProps['onSubmit'],
    regionSource: regions,
    uploadAttachment: upload,
    positionSource: simulatedPosition(),
    simulatedPosition: true,
  } as ActivityFormProps,
  parameters: {
    docs: {
      description: {
        component: 'Drawn from the contract’s JSON Schema per activity type, with layout hints.',
      },
    },
  },
} satisfies Meta<typeof ActivityForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const ofType = (type: string, extra: Partial<ActivityFormProps> = {}): Story => ({
  args: { type, ...extra },
});
const ddsExample = contract.components.examples.DdsWargaInput?.value ?? {};
const { attachmentIds: _, ...ddsFilled } = ddsExample;

// DDS warga, hand-tuned through its hints, in every state.
export const DdsWargaEmpty: Story = ofType('DDS_WARGA');
export const DdsWargaFilled: Story = ofType('DDS_WARGA', { defaultValue: ddsFilled });
export const DdsWargaInvalid: Story = ofType('DDS_WARGA', {
  defaultValue: {
    description: 'Sambang ke rumah warga',
    details: { headOfHousehold: { name: 'A', phone: '123' } },
  },
  validateOnMount: true,
});
export const DdsWargaServerError: Story = ofType('DDS_WARGA', {
  defaultValue: ddsFilled,
  problem: {
    type: 'urn:bosv2:problem:outside-assigned-area',
    title: 'Di luar lokasi penugasan',
    status: 422,
    code: 'outside-assigned-area',
    detail: 'Desa laporan bukan desa binaan Anda.',
  },
});
export const DdsWargaSaving: Story = ofType('DDS_WARGA', { defaultValue: ddsFilled, busy: true });
export const DdsWargaOffline: Story = {
  ...ofType('DDS_WARGA', { defaultValue: ddsFilled }),
  decorators: [
    (Story) => (
      <TrainingBanner>
        <OfflineBanner online={false} pendingCount={2} />
        <Story />
      </TrainingBanner>
    ),
  ],
};
export const DdsWargaEnglish: Story = {
  ...english,
  ...ofType('DDS_WARGA', { defaultValue: ddsFilled }),
};

// Every other type, straight from the contract.
export const DdsTempatUsaha: Story = ofType('DDS_TEMPAT_USAHA');
export const DdsSekolah: Story = ofType('DDS_SEKOLAH');
export const DdsKantor: Story = ofType('DDS_KANTOR');
export const DdsIndekos: Story = ofType('DDS_INDEKOS');
export const DeteksiDini: Story = ofType('DETEKSI_DINI');
export const PsSengketa: Story = ofType('PS_SENGKETA');
export const PsSengketaFilled: Story = ofType('PS_SENGKETA', {
  defaultValue: contract.components.examples.PsSengketaInput?.value ?? {},
});
export const PsNonSengketaInvalid: Story = ofType('PS_NON_SENGKETA', {
  defaultValue: { details: { keywords: ['banjir', 'jalan'] } },
  validateOnMount: true,
});
export const PsEksekutif: Story = ofType('PS_EKSEKUTIF');
export const LayananKepolisian: Story = ofType('LAYANAN_KEPOLISIAN');
export const GiatDesa: Story = ofType('GIAT_DESA');
export const BinaKomunitas: Story = ofType('BINA_KOMUNITAS');
export const BinaSiskamling: Story = ofType('BINA_SISKAMLING');
export const Binluh: Story = ofType('BINLUH');
export const Fkpm: Story = ofType('FKPM');
export const ProgramPolri: Story = ofType('PROGRAM_POLRI');
export const ProgramPemerintah: Story = ofType('PROGRAM_PEMERINTAH');
export const Insidentil: Story = ofType('INSIDENTIL');
export const Kontinjensi: Story = ofType('KONTINJENSI');
export const KontinjensiEnglish: Story = {
  ...english,
  ...ofType('KONTINJENSI', { validateOnMount: true }),
};
export const WithoutRegionSource: Story = ofType('GIAT_DESA', {
  regionSource: undefined,
  uploadAttachment: undefined,
});
