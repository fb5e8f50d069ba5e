/**
 * Story wiring over @bosv2/mock: an activity form that sends to the mock and shows its answer
 * (stories and tests only, not part of the package).
 */
import spec from '@bosv2/contract/openapi.json';
import { useState } from 'react';
import { ActivityForm, type ActivityFormProps } from '../activity/ActivityForm.js';
import type { SchemaDocument } from '../activity/schema.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Problem } from '../problem/problem.js';
import { type MockApi, SubmitFailed } from './mock-api.js';

export const contract = spec as unknown as SchemaDocument;

/**
 * A village activity the demo officer may not send: the desa (Sungai Namang, Danau Panggang,
 * 63.08.01.2003) is not in their assigned area (around Murung Sari, 63.08.05.1002), so the mock refuses it with 422
 * `outside-assigned-area` on `location.desaCode`. Valid against the contract's schema.
 */
export const refusedInput: Record<string, unknown> = {
  type: 'GIAT_DESA',
  date: '2026-11-20',
  location: { desaCode: '63.08.01.2003', rt: '03', rw: '02' },
  description:
    'Menghadiri musyawarah desa tentang jadwal ronda malam dan penerangan jalan di gang sempit dekat pasar.',
  details: {
    eventName: 'Musyawarah desa',
    attendance: 35,
    messages: 'Warga diajak aktif ronda dan melapor bila ada orang asing yang mencurigakan.',
  },
};

export interface MockActivityFormProps
  extends Omit<ActivityFormProps, 'spec' | 'onSubmit' | 'regionSource' | 'uploadAttachment'> {
  api: MockApi;
  /** The mock's answer to an earlier submit (a story loader's refusal). */
  initialProblem?: Problem | null;
}

/** {@link ActivityForm} sending to the mock's `createActivity`; refusals show on the fields. */
export function MockActivityForm({ api, initialProblem = null, ...rest }: MockActivityFormProps) {
  const { locale } = useI18n(rest.locale);
  const [problem, setProblem] = useState<Problem | null>(initialProblem);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <>
      {sent ? (
        <p className="bos-body" role="status">
          {locale === 'en'
            ? `Report received by the server (${sent}).`
            : `Laporan diterima server (${sent}).`}
        </p>
      ) : null}
      <ActivityForm
        {...rest}
        spec={contract}
        regionSource={api.regionSource}
        uploadAttachment={api.uploadAttachment}
        problem={problem}
        onSubmit={async (input) => {
          setProblem(null);
          try {
            const created = await api.createActivity(input);
            setSent(created.id);
          } catch (error) {
            if (error instanceof SubmitFailed) setProblem(error.problem);
            else throw error;
          }
        }}
      />
    </>
  );
}
