/**
 * Data for the stories and component tests from @bosv2/mock, answered in the page by its msw
 * handlers (`createMockFetch`, msw's `getResponse`): no service worker, no network. Stories and
 * tests only: nothing here is exported by the package, so the mock stays out of `dist`.
 */
import spec from '@bosv2/contract/openapi.json';
import { createMockFetch, DEMO_PASSWORD, type MockFetch } from '@bosv2/mock';
import type { UploadAttachment } from '../activity/SchemaForm.js';
import {
  apiRegionSource,
  type RegionPageLike,
  type RegionSource,
} from '../components/region-source.js';
import type { Locale } from '../i18n/messages.js';
import { isProblem, type Problem } from '../problem/problem.js';

const BASE = '/api/v2';

/** The demo Bhabinkamtibmas of @bosv2/mock (Kelurahan Murung Sari, 63.08.05.1002). */
export const DEMO_OFFICER_NRP = '85061234';

/** Faults per kind of request, in the mock's `X-Mock-Fault` syntax (`latency=600000`, `offline`, `5xx=503`). */
export interface MockApiFaults {
  regions?: string;
  submit?: string;
}

export interface MockApiOptions {
  seed?: number;
  faults?: MockApiFaults;
  locale?: Locale;
}

/** What a failed submit ends as: the server's problem+json, or a problem made for a network error. */
export class SubmitFailed extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

export interface MockApi {
  fetch: MockFetch;
  /** `listRegions` through {@link apiRegionSource}, following `nextCursor`. */
  regionSource: RegionSource;
  /** `createActivity` as the demo officer; throws {@link SubmitFailed} when refused or offline. */
  createActivity: (input: Record<string, unknown>) => Promise<{ id: string }>;
  /** `uploadAttachment` (multipart) as the demo officer. */
  uploadAttachment: UploadAttachment;
}

const offlineProblem = (locale: Locale): Problem => ({
  type: 'about:blank',
  status: 0,
  code: 'network-error',
  title: locale === 'en' ? 'No connection' : 'Tidak ada koneksi',
  detail:
    locale === 'en'
      ? 'The report was not sent. Try again when the signal is back.'
      : 'Laporan belum terkirim. Coba lagi saat sinyal kembali.',
});

/**
 * A mock API for one story or test: its own seeded state, and faults chosen per kind of request.
 *
 * @example
 * ```ts
 * const api = mockApi({ faults: { regions: 'offline' } });
 * <RegionPicker source={api.regionSource} ... />
 * ```
 */
export function mockApi(options: MockApiOptions = {}): MockApi {
  const locale = options.locale ?? 'id';
  const mockFetch = createMockFetch({
    spec: spec as never,
    seed: options.seed ?? 1,
    baseUrl: 'http://127.0.0.1',
  });
  const headers = (fault: string | undefined, extra: Record<string, string> = {}) => {
    const out: Record<string, string> = { 'accept-language': locale, ...extra };
    if (fault) out['x-mock-fault'] = fault;
    return out;
  };

  let token: Promise<string> | null = null;
  const login = () => {
    token ??= mockFetch(`${BASE}/auth/officer-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nrp: DEMO_OFFICER_NRP, password: DEMO_PASSWORD }),
    })
      .then((res) => res.json() as Promise<{ accessToken: string }>)
      .then((body) => body.accessToken);
    return token;
  };

  /** Sends a request and turns every failure into a problem. */
  const send = async (path: string, init: RequestInit): Promise<unknown> => {
    let res: Response;
    try {
      res = await mockFetch(`${BASE}${path}`, init);
    } catch {
      throw new SubmitFailed(offlineProblem(locale));
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body;
    throw new SubmitFailed(
      isProblem(body)
        ? body
        : {
            type: 'about:blank',
            status: res.status,
            code: 'http-error',
            title: `HTTP ${res.status}`,
          },
    );
  };

  const regionSource = apiRegionSource(async (query, signal) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) params.set(key, String(value));
    const res = await mockFetch(`${BASE}/regions?${params}`, {
      headers: headers(options.faults?.regions),
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) throw new Error(`listRegions: HTTP ${res.status}`);
    return (await res.json()) as RegionPageLike;
  });

  return {
    fetch: mockFetch,
    regionSource,
    createActivity: async (input) =>
      (await send('/activities', {
        method: 'POST',
        headers: headers(options.faults?.submit, {
          authorization: `Bearer ${await login()}`,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        }),
        body: JSON.stringify(input),
      })) as { id: string },
    uploadAttachment: async (blob, kind) => {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', blob, `foto.${blob.type.split('/')[1] ?? 'jpg'}`);
      const body = (await send('/attachments', {
        method: 'POST',
        headers: headers(undefined, {
          authorization: `Bearer ${await login()}`,
          'idempotency-key': crypto.randomUUID(),
        }),
        body: form,
      })) as { id: string };
      return body.id;
    },
  };
}
