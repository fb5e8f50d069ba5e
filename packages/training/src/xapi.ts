/**
 * Learning records shaped as xAPI 1.0.3 statements, so a learning record store (LRS) or the
 * classroom server can take them as they are. Each statement has a UUID `id`: sending one twice
 * is harmless (an LRS answers 409 or ignores a statement id it already has).
 */
import type { Mode, Scenario } from './types.js';

/** Who did it: a trainee account on a device or on the classroom server. */
export interface XapiActor {
  objectType: 'Agent';
  name: string;
  account: { homePage: string; name: string };
}

export interface XapiVerb {
  id: string;
  display: Record<string, string>;
}

/** The verbs the engine emits. */
export const VERBS = {
  attempted: {
    id: 'http://adlnet.gov/expapi/verbs/attempted',
    display: { 'id-ID': 'mencoba', 'en-US': 'attempted' },
  },
  progressed: {
    id: 'http://adlnet.gov/expapi/verbs/progressed',
    display: { 'id-ID': 'menyelesaikan langkah', 'en-US': 'progressed' },
  },
  passed: {
    id: 'http://adlnet.gov/expapi/verbs/passed',
    display: { 'id-ID': 'lulus', 'en-US': 'passed' },
  },
  failed: {
    id: 'http://adlnet.gov/expapi/verbs/failed',
    display: { 'id-ID': 'belum lulus', 'en-US': 'failed' },
  },
} as const satisfies Record<string, XapiVerb>;

export interface XapiResult {
  score?: { raw: number; min: number; max: number; scaled: number };
  success?: boolean;
  completion?: boolean;
  /** ISO 8601 duration, e.g. `PT4M12S`. */
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  /** A UUID: the same statement sent twice is stored once. */
  id: string;
  actor: XapiActor;
  verb: XapiVerb;
  object: {
    objectType: 'Activity';
    id: string;
    definition: {
      type: string;
      name: Record<string, string>;
      extensions?: Record<string, unknown>;
    };
  };
  result?: XapiResult;
  context: {
    /** The attempt: every statement of one attempt shares it. */
    registration: string;
    platform: string;
    language: string;
    extensions: Record<string, unknown>;
  };
  /** RFC 3339 instant. */
  timestamp: string;
}

/** The IRI base of the kit's xAPI identifiers. */
export const XAPI_BASE = 'https://bosv2-kit.github.io/xapi';

/** The activity IRI of a scenario. */
export function scenarioIri(scenario: Pick<Scenario, 'id'>): string {
  return `${XAPI_BASE}/scenarios/${scenario.id}`;
}

/** An ISO 8601 duration for a number of milliseconds. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

/** Builds one statement about a scenario attempt. */
export function buildStatement(input: {
  id: string;
  actor: XapiActor;
  verb: XapiVerb;
  scenario: Scenario;
  mode: Mode;
  registration: string;
  locale: string;
  timestamp: number;
  result?: XapiResult;
  extensions?: Record<string, unknown>;
}): XapiStatement {
  const { scenario } = input;
  return {
    id: input.id,
    actor: input.actor,
    verb: input.verb,
    object: {
      objectType: 'Activity',
      id: scenarioIri(scenario),
      definition: {
        type: 'http://adlnet.gov/expapi/activities/simulation',
        name: { 'id-ID': scenario.title.id, 'en-US': scenario.title.en },
        extensions: {
          [`${XAPI_BASE}/ext/workflow`]: scenario.workflow,
          [`${XAPI_BASE}/ext/variant`]: scenario.variant,
          [`${XAPI_BASE}/ext/version`]: scenario.version,
        },
      },
    },
    ...(input.result ? { result: input.result } : {}),
    context: {
      registration: input.registration,
      platform: 'BOS V2 Kit training',
      language: input.locale === 'en' ? 'en-US' : 'id-ID',
      extensions: { [`${XAPI_BASE}/ext/mode`]: input.mode, ...input.extensions },
    },
    timestamp: new Date(input.timestamp).toISOString(),
  };
}
