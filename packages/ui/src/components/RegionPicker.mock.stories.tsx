import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '../i18n/messages.js';
import { english, Stateful } from '../stories/helpers.js';
import { type MockApi, type MockApiFaults, mockApi } from '../stories/mock-api.js';
import { RegionPicker, type RegionPickerValue } from './RegionPicker.js';

/**
 * The region picker on @bosv2/mock's `listRegions` (its msw handlers answer in the page through
 * `createMockFetch`; nothing leaves the page), with the mock's faults for each state.
 */
const meta = {
  title: 'Form/RegionPicker/Mock API',
  parameters: {
    docs: { description: { component: 'Regions from @bosv2/mock (seed 1), faults per story.' } },
  },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** A fresh mock per story (its own state), built in a loader so the story renders with it. */
const withMock = (initial: RegionPickerValue, faults?: MockApiFaults): Story => ({
  loaders: [
    async ({ globals }) => ({
      api: mockApi({
        seed: 1,
        locale: (globals.locale as Locale | undefined) ?? 'id',
        ...(faults ? { faults } : {}),
      }),
    }),
  ],
  render: (_args, { loaded }) => (
    <Stateful initial={initial}>
      {(v, set) => (
        <RegionPicker
          idPrefix="lokasi"
          source={(loaded.api as MockApi).regionSource}
          value={v}
          onChange={set}
        />
      )}
    </Stateful>
  ),
});

/** Hulu Sungai Utara chosen: its 10 kecamatan come from the mock. */
export const Loaded: Story = withMock({ code: '63.08' });
/** Amuntai Tengah → Murung Sari, RT 03 / RW 02: every level loaded from the mock. */
export const LoadedMurungSari: Story = withMock({ code: '63.08.05.1002', rt: '03', rw: '02' });
/** The mock answers after ten minutes (`latency=600000`): the lists say they are loading. */
export const Loading: Story = withMock({ code: '63.08' }, { regions: 'latency=600000' });
/** The mock drops the connection (`offline`): a calm message and a retry button. */
export const Offline: Story = withMock({ code: '63.08' }, { regions: 'offline' });
/** The mock answers 503 (`5xx=503`). */
export const ServerError: Story = withMock({ code: '63.08' }, { regions: '5xx=503' });
export const LoadedEnglish: Story = { ...english, ...withMock({ code: '63.08.05' }) };
