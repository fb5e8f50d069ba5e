import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '../i18n/messages.js';
import { english } from '../stories/helpers.js';
import { type MockApi, type MockApiFaults, mockApi, SubmitFailed } from '../stories/mock-api.js';
import { MockActivityForm, refusedInput } from '../stories/mock-stories.js';

/**
 * Activity forms on @bosv2/mock: regions from `listRegions`, photos to `uploadAttachment`, the
 * report to `createActivity` as the demo Bhabinkamtibmas (NRP 85061234, Murung Sari). The mock's
 * answers, refusals and faults show as the officer would see them.
 */
const meta = {
  title: 'Activity forms/ActivityForm/Mock API',
  parameters: {
    docs: { description: { component: 'Sends to @bosv2/mock (seed 1) in the page.' } },
  },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const accepted = {
  ...refusedInput,
  location: { desaCode: '63.08.05.1002', rt: '03', rw: '02' },
};

/**
 * A fresh mock per story. With `sendFirst`, the loader sends that input to the mock first and
 * the form opens with the mock's answer, as after a submit that failed.
 */
const withMock = (
  defaultValue: Record<string, unknown>,
  faults?: MockApiFaults,
  sendFirst = false,
): Story => ({
  loaders: [
    async ({ globals }) => {
      const api = mockApi({
        seed: 1,
        locale: (globals.locale as Locale | undefined) ?? 'id',
        ...(faults ? { faults } : {}),
      });
      if (!sendFirst) return { api, problem: null };
      const problem = await api.createActivity(defaultValue).then(
        () => null,
        (error: unknown) => (error instanceof SubmitFailed ? error.problem : null),
      );
      return { api, problem };
    },
  ],
  render: (_args, { loaded }) => (
    <MockActivityForm
      api={loaded.api as MockApi}
      initialProblem={loaded.problem as SubmitFailed['problem'] | null}
      type="GIAT_DESA"
      defaultValue={defaultValue}
    />
  ),
});

/** Filled for Murung Sari; "Simpan" sends it to the mock, which answers 201. */
export const Loaded: Story = withMock(accepted);
/** An empty form whose region lists wait on the mock (`latency=600000`). */
export const Loading: Story = withMock({}, { regions: 'latency=600000' });
/** The mock cut the connection on send (`offline`): a form-level message, nothing lost. */
export const Offline: Story = withMock(accepted, { submit: 'offline' }, true);
/** The mock answered 503 on send (`5xx=503`): its problem+json as a form-level message. */
export const ServerError: Story = withMock(accepted, { submit: '5xx=503' }, true);
/** The mock refused a desa outside the officer's area: 422 `outside-assigned-area` on the desa. */
export const Refusal: Story = withMock(refusedInput, undefined, true);
export const RefusalEnglish: Story = { ...english, ...withMock(refusedInput, undefined, true) };
