/**
 * The training engine: a state machine fed with what the trainee does (menus opened, fields
 * entered, hints asked, forms sent, answers chosen) and with what the network does. It plays the
 * server of the scenario (refusals, lost answers, 5xx), and answers with the next hint, the
 * feedback and, at the end, the score with its breakdown by rubric item.
 *
 * The core, {@link reduce}, is pure: it takes a state and an action and returns a new state and a
 * reply. {@link createSession} wraps it for callers that prefer an object.
 */
import type { BodyValidator } from './contract.js';
import { applyChanges, getPath, gradedLeaves, overlaps, sameValue } from './paths.js';
import { analysePadding, missingFacts, PADDING_REASONS } from './text.js';
import type {
  ChoiceStep,
  EntryStep,
  Locale,
  Mistake,
  Mode,
  NavigateStep,
  ProblemSpec,
  Scenario,
  Step,
  Text,
} from './types.js';
import { buildStatement, isoDuration, VERBS, type XapiActor, type XapiStatement } from './xapi.js';

/** What the trainee (or the simulated network) does. */
export type Action =
  /** Opened a menu path. */
  | { type: 'navigate'; menu: string[] }
  /** Typed or picked a value; a dotted path into the current form (`null` clears it). */
  | { type: 'enter'; field: string; value: unknown }
  /** Chose an answer on a choice step. */
  | { type: 'choose'; option: string }
  /** Asked for a hint. */
  | { type: 'hint' }
  /** Pressed "Kirim": sends the current form as a new request (a new Idempotency-Key). */
  | { type: 'submit' }
  /** Sends again the requests still in the outbox, with their own Idempotency-Keys. */
  | { type: 'retry' }
  /** The connection went away or came back (the outbox sends what it holds when it comes back). */
  | { type: 'network'; online: boolean }
  /** Lets the engine look at the clock (exam time limit). */
  | { type: 'tick' }
  /** Ends the attempt now. */
  | { type: 'finish' }
  /**
   * With `server: 'external'`: what the real server answered to a request the engine handed out
   * in `reply.requests` (status 0 when no answer came: a timeout or a dropped connection).
   */
  | {
      type: 'response';
      key: string;
      status: number;
      problem?: Record<string, unknown>;
      retryAfterSeconds?: number;
    };

/** A request for the UI to send to a real server (`server: 'external'`). */
export interface OutboundRequest {
  /** Send it as the `Idempotency-Key`; report the answer with a `response` action. */
  key: string;
  step: string;
  operationId: string;
  body?: Record<string, unknown>;
}

/** A mistake found in the attempt. */
export interface Finding {
  /** The listed mistake's id, or `mismatch:<field>`, `padding:<field>`, `<kind>:<step>` for unlisted ones. */
  id: string;
  listed: boolean;
  step: string;
  rubricItem: string;
  points: number;
  title: Text;
  feedback: Text;
  /** Specifics: the missing facts, the expected value, the padding found. */
  detail?: Text;
}

/** What the simulated server answered. */
export type ServerReply =
  | { status: 201 | 200; replayed: boolean; requestKey: string }
  | {
      status: number;
      problem: Record<string, unknown>;
      retryAfterSeconds?: number;
      requestKey: string;
    }
  | { status: 0; outcome: 'no-answer'; requestKey: string };

/** What the current step looks like to a UI. */
export interface StepView {
  index: number;
  count: number;
  step: Step;
  /** For entry steps: the form's current values. */
  values?: Record<string, unknown>;
}

/** The engine's answer to one action. */
export interface Reply {
  /** False when the action does not fit the current step or the attempt is over. */
  applied: boolean;
  current: StepView | null;
  /** Guided mode: always; practice: after a hint request. */
  guide?: { title: Text; hint: Text; explain?: Text; highlight: string[] };
  /** Information for the trainee (offline, queued, refused, accepted, hints unavailable). */
  notices: Text[];
  /** Mistakes found by this action (empty in exam mode until the end). */
  feedback: Finding[];
  server: ServerReply[];
  /** With `server: 'external'`: requests to send now (new ones, and the outbox on retry). */
  requests: OutboundRequest[];
  /** Exam mode: milliseconds left before the time limit. */
  remainingMs?: number;
  done: boolean;
  score?: ScoreReport;
}

export interface ItemScore {
  id: string;
  title: Text;
  points: number;
  earned: number;
  completed: boolean;
  deductions: { finding: string; points: number; title: Text; feedback: Text }[];
}

/** The score of an attempt, with its breakdown by rubric item. */
export interface ScoreReport {
  raw: number;
  max: number;
  /** raw / max, 0..1. */
  scaled: number;
  percent: number;
  passMark: number;
  passed: boolean;
  timedOut: boolean;
  hintsUsed: number;
  durationMs: number;
  items: ItemScore[];
  findings: Finding[];
}

interface OutboxRequest {
  key: string;
  step: string;
  body: Record<string, unknown> | undefined;
  state: 'queued' | 'sent-no-answer' | 'failed';
}

interface EntryState {
  values: Record<string, unknown>;
  refusals: number;
  lastRefused?: Record<string, unknown>;
}

/** Everything about an attempt, as plain data. */
export interface SessionState {
  scenarioId: string;
  mode: Mode;
  locale: Locale;
  registration: string;
  actor: XapiActor;
  startedAt: number;
  lastAt: number;
  stepIndex: number;
  completed: string[];
  online: boolean;
  /** `simulated`: the engine plays the scenario's server; `external`: the UI sends the requests. */
  server: 'simulated' | 'external';
  entries: Record<string, EntryState>;
  outbox: OutboxRequest[];
  /** Idempotency-Keys the simulated server stored, per step. */
  stored: Record<string, string[]>;
  firedIncidents: string[];
  findings: Finding[];
  hintsUsed: number;
  finished: boolean;
  timedOut: boolean;
  statements: XapiStatement[];
  keyCounter: number;
}

export interface SessionOptions {
  /** Who plays; defaults to an anonymous trainee on this device. */
  actor?: XapiActor;
  locale?: Locale;
  /** The clock, in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** Makes UUIDs for statements and attempts (defaults to `crypto.randomUUID`). */
  uuid?: () => string;
  /**
   * `simulated` (default): the engine answers as the scenario's server (refusals, drops, 5xx).
   * `external`: submits come back as `reply.requests` for a real (mock) server, and the UI
   * reports each answer with a `response` action.
   */
  server?: 'simulated' | 'external';
  /**
   * Makes the simulated server refuse what the contract refuses (`createContractValidator`),
   * after the scenario's own refusal and before its network or server incidents.
   */
  validate?: BodyValidator;
}

interface Env {
  now: number;
  uuid: () => string;
  /** Checks bodies as the real server would (see `createContractValidator`). */
  validate?: BodyValidator;
}

const T = {
  wrongStep: {
    id: 'Tindakan ini tidak sesuai dengan langkah sekarang.',
    en: 'This action does not fit the current step.',
  },
  over: { id: 'Latihan sudah selesai.', en: 'The exercise is over.' },
  noHints: {
    id: 'Petunjuk tidak tersedia dalam mode ujian.',
    en: 'Hints are not available in exam mode.',
  },
  queued: {
    id: 'Tidak ada sinyal: laporan disimpan di kotak keluar dan dikirim otomatis saat sinyal kembali.',
    en: 'No signal: the report is kept in the outbox and sent automatically when the signal returns.',
  },
  noAnswer: {
    id: 'Sinyal terputus saat mengirim; belum tahu apakah server menerimanya. Laporan tetap di kotak keluar dan dikirim ulang dengan kunci yang sama, jadi tidak akan tercatat dua kali. Jangan membuat laporan baru.',
    en: 'The signal dropped while sending; it is not known whether the server got it. The report stays in the outbox and is resent with the same key, so it cannot be recorded twice. Do not create a new report.',
  },
  serverError: {
    id: 'Server sedang gangguan dan tidak menyimpan laporan. Laporan tetap di kotak keluar; coba kirim ulang (Kirim ulang) setelah beberapa saat.',
    en: 'The server failed and did not store the report. It stays in the outbox; resend it (Retry) after a while.',
  },
  accepted: { id: 'Server menerima laporan.', en: 'The server accepted the report.' },
  replayed: {
    id: 'Server sudah menerima laporan ini sebelumnya; tidak ada data ganda.',
    en: 'The server already had this report; nothing was duplicated.',
  },
  refused: {
    id: 'Server menolak isian. Baca pesan kesalahannya, perbaiki isian yang disebut, lalu kirim lagi.',
    en: 'The server refused the entry. Read the error, fix the fields it names, and send again.',
  },
  online: { id: 'Sinyal kembali.', en: 'The signal is back.' },
  offline: { id: 'Sinyal hilang.', en: 'The signal is gone.' },
  timedOut: {
    id: 'Waktu ujian habis; nilai dihitung dari langkah yang sudah selesai.',
    en: 'Exam time is up; the score counts the steps finished.',
  },
  correctChoice: { id: 'Jawaban benar.', en: 'Correct answer.' },
  genericMismatch: {
    title: { id: 'Isian tidak sesuai briefing', en: 'Entry does not match the briefing' },
    feedback: {
      id: 'Isian ini berbeda dengan fakta di briefing. Laporan dipakai untuk analisis dan keputusan, jadi setiap isian harus sesuai kejadian.',
      en: 'This entry differs from the facts in the briefing. Reports feed analysis and decisions, so every entry must match what happened.',
    },
  },
  genericPadding: {
    title: { id: 'Uraian diisi teks pengisi', en: 'Description padded' },
    feedback: {
      id: 'Uraian diisi teks pengisi agar mencapai 50 karakter. Tulis siapa, apa, di mana, kapan, dan tindakan Anda.',
      en: 'The description was padded to reach 50 characters. Write who, what, where, when and what you did.',
    },
  },
  genericDuplicate: {
    title: { id: 'Laporan dikirim dua kali', en: 'Report sent twice' },
    feedback: {
      id: 'Laporan pertama masih di kotak keluar. Mengirim lagi sebagai laporan baru membuat data ganda di server. Tunggu sinyal atau tekan Kirim ulang.',
      en: 'The first report was still in the outbox. Sending it again as a new report makes a duplicate on the server. Wait for the signal or press Retry.',
    },
  },
  genericUnchanged: {
    title: { id: 'Dikirim ulang tanpa perbaikan', en: 'Resent without fixing' },
    feedback: {
      id: 'Laporan dikirim lagi tanpa memperbaiki isian yang ditolak server. Baca pesan kesalahan dan perbaiki isian yang disebut.',
      en: 'The report was sent again without fixing what the server refused. Read the error and fix the fields it names.',
    },
  },
  genericMenu: {
    title: { id: 'Menu salah', en: 'Wrong menu' },
    feedback: {
      id: 'Menu ini bukan tempat laporan tersebut. Perhatikan jenis kegiatan di briefing.',
      en: 'This menu is not where that report goes. Look at the kind of activity in the briefing.',
    },
  },
  genericChoice: {
    title: { id: 'Jawaban salah', en: 'Wrong answer' },
    feedback: {
      id: 'Jawaban ini tidak sesuai dengan yang tampil di layar. Baca lagi layarnya.',
      en: 'This answer does not match what the screen shows. Read the screen again.',
    },
  },
} satisfies Record<string, unknown>;

function text(id: string, en: string): Text {
  return { id, en };
}

function show(value: unknown): string {
  if (value === undefined) return '(kosong / empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function stepOf(scenario: Scenario, id: string): Step {
  const step = scenario.steps.find((s) => s.id === id);
  if (!step) throw new Error(`Scenario ${scenario.id} has no step "${id}".`);
  return step;
}

function expectedBody(step: EntryStep): Record<string, unknown> {
  return structuredClone(step.expected ?? {});
}

/** The values a form starts with: empty, or the draft. */
export function initialValues(step: EntryStep): Record<string, unknown> {
  return step.draft ? applyChanges(expectedBody(step), step.draft) : {};
}

function sameMenu(a: string[], b: string[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.trim().toLowerCase() === b[i]?.trim().toLowerCase())
  );
}

function problemBody(spec: ProblemSpec, locale: Locale): Record<string, unknown> {
  return {
    type: `urn:bosv2:problem:${spec.code}`,
    title: spec.title[locale],
    status: spec.status,
    code: spec.code,
    ...(spec.detail ? { detail: spec.detail[locale] } : {}),
    ...(spec.errors
      ? {
          errors: spec.errors.map((e) => ({
            field: e.field,
            code: e.code,
            message: e.message[locale],
          })),
        }
      : {}),
  };
}

/** Creates the state of a new attempt (and its `attempted` statement). */
export function initialState(
  scenario: Scenario,
  mode: Mode,
  options: {
    actor?: XapiActor;
    locale?: Locale;
    now: number;
    uuid: () => string;
    server?: 'simulated' | 'external';
  },
): SessionState {
  const registration = options.uuid();
  const actor: XapiActor = options.actor ?? {
    objectType: 'Agent',
    name: 'Peserta latihan',
    account: { homePage: 'https://bosv2-kit.github.io', name: `device-${registration}` },
  };
  const entries: Record<string, EntryState> = {};
  for (const step of scenario.steps) {
    if (step.kind === 'entry') entries[step.id] = { values: initialValues(step), refusals: 0 };
  }
  const state: SessionState = {
    scenarioId: scenario.id,
    mode,
    locale: options.locale ?? 'id',
    registration,
    actor,
    startedAt: options.now,
    lastAt: options.now,
    stepIndex: 0,
    completed: [],
    online: true,
    server: options.server ?? 'simulated',
    entries,
    outbox: [],
    stored: {},
    firedIncidents: [],
    findings: [],
    hintsUsed: 0,
    finished: false,
    timedOut: false,
    statements: [],
    keyCounter: 0,
  };
  state.statements.push(
    buildStatement({
      id: options.uuid(),
      actor,
      verb: VERBS.attempted,
      scenario,
      mode,
      registration,
      locale: state.locale,
      timestamp: options.now,
    }),
  );
  return state;
}

/** Adds a finding unless the same one was found before; returns it when new. */
function record(state: SessionState, finding: Finding): Finding | undefined {
  if (state.findings.some((f) => f.id === finding.id)) return undefined;
  state.findings.push(finding);
  return finding;
}

function listedOrGeneric(
  scenario: Scenario,
  step: Step,
  kind: 'duplicate-submission' | 'resubmit-unchanged' | 'wrong-menu' | 'wrong-choice',
  generic: { title: Text; feedback: Text },
  detail?: Text,
): Finding {
  const listed = scenario.mistakes.find((m) => m.step === step.id && m.detect.kind === kind);
  if (listed) return fromMistake(listed, detail);
  const rubricItem =
    'rubricItem' in step ? step.rubricItem : (rubricItemOfStep(scenario, step.id) ?? '');
  return {
    id: `${kind}:${step.id}`,
    listed: false,
    step: step.id,
    rubricItem,
    points: scenario.mismatchPoints,
    title: generic.title,
    feedback: generic.feedback,
    ...(detail ? { detail } : {}),
  };
}

function rubricItemOfStep(scenario: Scenario, stepId: string): string | undefined {
  return scenario.rubric.find((item) => item.steps.includes(stepId))?.id;
}

function fromMistake(mistake: Mistake, detail?: Text): Finding {
  return {
    id: mistake.id,
    listed: true,
    step: mistake.step,
    rubricItem: mistake.rubricItem,
    points: mistake.points,
    title: mistake.title,
    feedback: mistake.feedback,
    ...(detail ? { detail } : {}),
  };
}

/** The content mistakes of an accepted entry: listed detectors, then unlisted mismatches. */
export function gradeEntry(
  scenario: Scenario,
  step: EntryStep,
  body: Record<string, unknown>,
): Finding[] {
  const findings: Finding[] = [];
  const claimed: string[] = [];
  const expected = expectedBody(step);
  for (const mistake of scenario.mistakes) {
    if (mistake.step !== step.id) continue;
    const d = mistake.detect;
    if (d.kind === 'padded-text') {
      claimed.push(`padding:${d.field}`);
      const value = getPath(body, d.field);
      const reasons = typeof value === 'string' ? analysePadding(value) : [];
      if (reasons.length > 0) {
        findings.push(
          fromMistake(
            mistake,
            text(
              reasons.map((r) => PADDING_REASONS[r].id).join('; '),
              reasons.map((r) => PADDING_REASONS[r].en).join('; '),
            ),
          ),
        );
      }
    } else if (d.kind === 'missing-facts') {
      claimed.push(d.field);
      const value = getPath(body, d.field);
      const facts = scenario.facts.filter((f) => d.facts.includes(f.id));
      const missing = missingFacts(typeof value === 'string' ? value : '', facts);
      const needed = d.min ?? facts.length;
      if (facts.length - missing.length < needed) {
        findings.push(
          fromMistake(
            mistake,
            text(
              `Fakta yang belum ada: ${missing.map((f) => f.text.id).join('; ')}`,
              `Facts missing: ${missing.map((f) => f.text.en).join('; ')}`,
            ),
          ),
        );
      }
    } else if (d.kind === 'wrong-value') {
      claimed.push(d.field);
      const want = getPath(expected, d.field);
      const got = getPath(body, d.field);
      if (!sameValue(got, want)) {
        findings.push(
          fromMistake(
            mistake,
            text(
              `Isian ${d.field}: tertulis ${show(got)}, seharusnya ${show(want)}.`,
              `Field ${d.field}: entered ${show(got)}, should be ${show(want)}.`,
            ),
          ),
        );
      }
    } else if (d.kind === 'missing-item') {
      claimed.push(d.field);
      const value = getPath(body, d.field);
      if (!containsItem(value, d.item)) {
        findings.push(
          fromMistake(
            mistake,
            text(`${d.item} tidak ada di ${d.field}.`, `${d.item} is missing from ${d.field}.`),
          ),
        );
      }
    }
  }
  for (const path of gradedLeaves(expected)) {
    if ((step.lenient ?? []).some((p) => overlaps(path, p))) continue;
    const want = getPath(expected, path);
    const got = getPath(body, path);
    const freeText = typeof want === 'string' && want.length >= 40;
    if (freeText) {
      if (claimed.includes(`padding:${path}`)) continue;
      const reasons = typeof got === 'string' ? analysePadding(got) : [];
      if (reasons.length > 0) {
        findings.push({
          id: `padding:${path}`,
          listed: false,
          step: step.id,
          rubricItem: step.rubricItem,
          points: scenario.mismatchPoints,
          title: T.genericPadding.title,
          feedback: T.genericPadding.feedback,
          detail: text(
            `${path}: ${reasons.map((r) => PADDING_REASONS[r].id).join('; ')}`,
            `${path}: ${reasons.map((r) => PADDING_REASONS[r].en).join('; ')}`,
          ),
        });
      }
      if (got !== undefined || claimed.some((c) => overlaps(path, c))) continue;
    }
    if (claimed.some((c) => overlaps(path, c))) continue;
    if (sameValue(got, want)) continue;
    findings.push({
      id: `mismatch:${step.id}:${path}`,
      listed: false,
      step: step.id,
      rubricItem: step.rubricItem,
      points: scenario.mismatchPoints,
      title: T.genericMismatch.title,
      feedback: T.genericMismatch.feedback,
      detail: text(
        `Isian ${path}: tertulis ${show(got)}, seharusnya ${show(want)}.`,
        `Field ${path}: entered ${show(got)}, should be ${show(want)}.`,
      ),
    });
  }
  return findings;
}

function containsItem(value: unknown, item: string): boolean {
  const wanted = item.trim().toLowerCase();
  const matches = (x: unknown): boolean => {
    if (typeof x === 'string') return x.trim().toLowerCase().includes(wanted);
    if (x && typeof x === 'object' && 'name' in x) return matches((x as { name: unknown }).name);
    return false;
  };
  return Array.isArray(value) ? value.some(matches) : matches(value);
}

/** Computes the score of a state (final or so far). */
export function computeScore(scenario: Scenario, state: SessionState): ScoreReport {
  const items: ItemScore[] = scenario.rubric.map((item) => {
    const completed = item.steps.every((s) => state.completed.includes(s));
    const deductions = state.findings
      .filter((f) => f.rubricItem === item.id)
      .map((f) => ({ finding: f.id, points: f.points, title: f.title, feedback: f.feedback }));
    const lost = deductions.reduce((sum, d) => sum + d.points, 0);
    return {
      id: item.id,
      title: item.title,
      points: item.points,
      earned: completed ? Math.max(0, item.points - lost) : 0,
      completed,
      deductions,
    };
  });
  const max = items.reduce((sum, i) => sum + i.points, 0);
  const raw = items.reduce((sum, i) => sum + i.earned, 0);
  const scaled = max === 0 ? 0 : raw / max;
  const percent = Math.round(scaled * 1000) / 10;
  return {
    raw,
    max,
    scaled,
    percent,
    passMark: scenario.passMark,
    passed: !state.timedOut && percent >= scenario.passMark,
    timedOut: state.timedOut,
    hintsUsed: state.hintsUsed,
    durationMs: state.lastAt - state.startedAt,
    items,
    findings: state.findings,
  };
}

function guideFor(step: Step): NonNullable<Reply['guide']> {
  const highlight =
    step.kind === 'navigate'
      ? step.menu
      : step.kind === 'entry'
        ? gradedLeaves(step.expected ?? {})
        : step.options.map((o) => o.id);
  return {
    title: step.title,
    hint: step.hint,
    ...(step.explain ? { explain: step.explain } : {}),
    highlight,
  };
}

function currentView(scenario: Scenario, state: SessionState): StepView | null {
  if (state.finished) return null;
  const step = scenario.steps[state.stepIndex];
  if (!step) return null;
  const entry = state.entries[step.id];
  return {
    index: state.stepIndex,
    count: scenario.steps.length,
    step,
    ...(entry ? { values: structuredClone(entry.values) } : {}),
  };
}

interface Draft {
  state: SessionState;
  reply: Reply;
}

function finish(scenario: Scenario, d: Draft, env: Env): void {
  const { state } = d;
  if (state.finished) return;
  state.finished = true;
  const score = computeScore(scenario, state);
  state.statements.push(
    buildStatement({
      id: env.uuid(),
      actor: state.actor,
      verb: score.passed ? VERBS.passed : VERBS.failed,
      scenario,
      mode: state.mode,
      registration: state.registration,
      locale: state.locale,
      timestamp: env.now,
      result: {
        score: { raw: score.raw, min: 0, max: score.max, scaled: score.scaled },
        success: score.passed,
        completion: state.completed.length === scenario.steps.length,
        duration: isoDuration(score.durationMs),
        extensions: {
          'https://bosv2-kit.github.io/xapi/ext/mistakes': score.findings.map((f) => f.id),
          'https://bosv2-kit.github.io/xapi/ext/hints': score.hintsUsed,
          'https://bosv2-kit.github.io/xapi/ext/timed-out': score.timedOut,
        },
      },
    }),
  );
  d.reply.done = true;
  d.reply.score = score;
  if (state.mode === 'exam') d.reply.feedback = [...score.findings];
}

function completeStep(scenario: Scenario, d: Draft, env: Env, step: Step, found: Finding[]): void {
  const { state } = d;
  for (const f of found) {
    const added = record(state, f);
    if (added && state.mode !== 'exam') d.reply.feedback.push(added);
  }
  state.completed.push(step.id);
  state.stepIndex += 1;
  state.statements.push(
    buildStatement({
      id: env.uuid(),
      actor: state.actor,
      verb: VERBS.progressed,
      scenario,
      mode: state.mode,
      registration: state.registration,
      locale: state.locale,
      timestamp: env.now,
      result: {
        completion: true,
        extensions: {
          'https://bosv2-kit.github.io/xapi/ext/step': step.id,
          'https://bosv2-kit.github.io/xapi/ext/progress':
            state.completed.length / scenario.steps.length,
        },
      },
    }),
  );
  if (state.stepIndex >= scenario.steps.length) finish(scenario, d, env);
}

function addFinding(d: Draft, finding: Finding): void {
  const added = record(d.state, finding);
  if (added && d.state.mode !== 'exam') d.reply.feedback.push(added);
}

/** What a server did with one request: the simulated one decides it, an external one reports it. */
export type Outcome =
  | { status: number; problem?: Record<string, unknown>; retryAfterSeconds?: number }
  | { status: 0 };

/** Applies a server's answer (or its absence) to the request and the attempt. */
function applyOutcome(
  scenario: Scenario,
  d: Draft,
  env: Env,
  request: OutboxRequest,
  outcome: Outcome,
): void {
  const { state } = d;
  const step = stepOf(scenario, request.step) as EntryStep;
  if (outcome.status === 0) {
    request.state = 'sent-no-answer';
    d.reply.server.push({ status: 0, outcome: 'no-answer', requestKey: request.key });
    d.reply.notices.push(T.noAnswer);
    return;
  }
  if (outcome.status >= 500) {
    request.state = 'failed';
    d.reply.server.push({
      status: outcome.status,
      problem: 'problem' in outcome && outcome.problem ? outcome.problem : {},
      ...('retryAfterSeconds' in outcome && outcome.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: outcome.retryAfterSeconds }
        : {}),
      requestKey: request.key,
    });
    d.reply.notices.push(T.serverError);
    return;
  }
  state.outbox = state.outbox.filter((r) => r.key !== request.key);
  if (outcome.status >= 400) {
    const entry = state.entries[step.id] as EntryState;
    if (entry.refusals > 0 && entry.lastRefused && sameValue(entry.lastRefused, request.body)) {
      addFinding(d, listedOrGeneric(scenario, step, 'resubmit-unchanged', T.genericUnchanged));
    }
    entry.refusals += 1;
    entry.lastRefused = structuredClone(request.body);
    d.reply.server.push({
      status: outcome.status,
      problem: 'problem' in outcome && outcome.problem ? outcome.problem : {},
      requestKey: request.key,
    });
    d.reply.notices.push(T.refused);
    return;
  }
  const keys = state.stored[step.id] ?? [];
  const replayed = keys.includes(request.key);
  if (!replayed) state.stored[step.id] = [...keys, request.key];
  d.reply.server.push({
    status: outcome.status === 200 ? 200 : 201,
    replayed,
    requestKey: request.key,
  });
  d.reply.notices.push(replayed ? T.replayed : T.accepted);
  if (!state.completed.includes(step.id) && scenario.steps[state.stepIndex]?.id === step.id) {
    completeStep(
      scenario,
      d,
      env,
      step,
      step.expected ? gradeEntry(scenario, step, request.body ?? {}) : [],
    );
  }
}

/** Decides what the scenario's simulated server does with a request, and applies it. */
function deliver(scenario: Scenario, d: Draft, env: Env, request: OutboxRequest): void {
  const { state } = d;
  if (state.server === 'external') {
    request.state = 'sent-no-answer';
    d.reply.requests.push({
      key: request.key,
      step: request.step,
      operationId: (stepOf(scenario, request.step) as EntryStep).operationId,
      ...(request.body ? { body: structuredClone(request.body) } : {}),
    });
    return;
  }
  const step = stepOf(scenario, request.step) as EntryStep;
  for (const incident of scenario.incidents.filter((i) => i.step === step.id)) {
    const tag = `${incident.kind}:${incident.step}`;
    if (incident.kind === 'refusal') {
      const draftBody = initialValues(step);
      const fields = (incident.problem.errors ?? []).map((e) => e.field);
      const unfixed =
        fields.length === 0
          ? !state.firedIncidents.includes(tag)
          : fields.some((f) => sameValue(getPath(request.body, f), getPath(draftBody, f)));
      if (unfixed) {
        state.firedIncidents.push(tag);
        applyOutcome(scenario, d, env, request, {
          status: incident.problem.status,
          problem: problemBody(incident.problem, state.locale),
        });
        return;
      }
    }
  }
  const invalid = request.body
    ? env.validate?.(step.operationId, request.body, state.locale)
    : undefined;
  if (invalid) {
    applyOutcome(scenario, d, env, request, { status: 400, problem: invalid });
    return;
  }
  for (const incident of scenario.incidents.filter((i) => i.step === step.id)) {
    const tag = `${incident.kind}:${incident.step}`;
    if (incident.kind !== 'refusal' && !state.firedIncidents.includes(tag)) {
      state.firedIncidents.push(tag);
      if (incident.kind === 'network-drop') {
        // The server stores it; the answer never arrives and the phone loses the signal.
        state.stored[step.id] = [...(state.stored[step.id] ?? []), request.key];
        state.online = false;
        applyOutcome(scenario, d, env, request, { status: 0 });
        return;
      }
      applyOutcome(scenario, d, env, request, {
        status: incident.status,
        problem: problemBody(
          {
            status: incident.status,
            code: incident.status === 503 ? 'service-unavailable' : 'server-error',
            title:
              incident.status === 503
                ? { id: 'Layanan tidak tersedia', en: 'Service unavailable' }
                : { id: 'Kesalahan server', en: 'Server error' },
          },
          state.locale,
        ),
        retryAfterSeconds: incident.retryAfterSeconds ?? 30,
      });
      return;
    }
  }
  applyOutcome(scenario, d, env, request, { status: 201 });
}

function flush(scenario: Scenario, d: Draft, env: Env): void {
  for (const request of [...d.state.outbox]) {
    if (!d.state.online) break;
    deliver(scenario, d, env, request);
  }
}

/**
 * The pure transition: a new state and the reply for one action. `env` gives the time and the
 * UUIDs, so the same inputs always give the same result.
 */
export function reduce(
  scenario: Scenario,
  previous: SessionState,
  action: Action,
  env: Env,
): { state: SessionState; reply: Reply } {
  const state = structuredClone(previous);
  const d: Draft = {
    state,
    reply: {
      applied: false,
      current: null,
      notices: [],
      feedback: [],
      server: [],
      requests: [],
      done: state.finished,
    },
  };
  const end = () => {
    d.reply.current = currentView(scenario, state);
    if (state.mode === 'exam' && !state.finished) {
      d.reply.remainingMs = Math.max(
        0,
        state.startedAt + scenario.timeLimitMinutes * 60_000 - state.lastAt,
      );
    }
    if (!state.finished && state.mode === 'guided' && d.reply.current) {
      d.reply.guide = guideFor(d.reply.current.step);
    }
    return d;
  };
  if (state.finished) {
    d.reply.notices.push(T.over);
    return end();
  }
  state.lastAt = env.now;
  if (state.mode === 'exam' && env.now - state.startedAt > scenario.timeLimitMinutes * 60_000) {
    state.timedOut = true;
    d.reply.notices.push(T.timedOut);
    finish(scenario, d, env);
    return end();
  }
  const step = scenario.steps[state.stepIndex] as Step;
  switch (action.type) {
    case 'tick':
      d.reply.applied = true;
      break;
    case 'finish':
      d.reply.applied = true;
      finish(scenario, d, env);
      break;
    case 'hint':
      if (state.mode === 'exam') {
        d.reply.notices.push(T.noHints);
        break;
      }
      d.reply.applied = true;
      state.hintsUsed += 1;
      d.reply.guide = guideFor(step);
      break;
    case 'network':
      d.reply.applied = true;
      state.online = action.online;
      d.reply.notices.push(action.online ? T.online : T.offline);
      if (action.online) flush(scenario, d, env);
      break;
    case 'navigate': {
      if (step.kind !== 'navigate') {
        d.reply.notices.push(T.wrongStep);
        break;
      }
      d.reply.applied = true;
      if (sameMenu(action.menu, (step as NavigateStep).menu))
        completeStep(scenario, d, env, step, []);
      else {
        addFinding(
          d,
          listedOrGeneric(
            scenario,
            step,
            'wrong-menu',
            T.genericMenu,
            text(
              `Dibuka: ${action.menu.join(' → ')}. Yang benar: ${step.menu.join(' → ')}.`,
              `Opened: ${action.menu.join(' → ')}. Right: ${step.menu.join(' → ')}.`,
            ),
          ),
        );
      }
      break;
    }
    case 'choose': {
      if (step.kind !== 'choice') {
        d.reply.notices.push(T.wrongStep);
        break;
      }
      d.reply.applied = true;
      const choice = step as ChoiceStep;
      if (action.option === choice.correct) {
        d.reply.notices.push(T.correctChoice);
        completeStep(scenario, d, env, step, []);
      } else {
        addFinding(d, listedOrGeneric(scenario, step, 'wrong-choice', T.genericChoice));
      }
      break;
    }
    case 'enter': {
      if (step.kind !== 'entry') {
        d.reply.notices.push(T.wrongStep);
        break;
      }
      d.reply.applied = true;
      const entry = state.entries[step.id] as EntryState;
      entry.values = applyChanges(entry.values, { [action.field]: action.value });
      break;
    }
    case 'submit': {
      if (step.kind !== 'entry') {
        d.reply.notices.push(T.wrongStep);
        break;
      }
      d.reply.applied = true;
      if (state.outbox.some((r) => r.step === step.id)) {
        addFinding(d, listedOrGeneric(scenario, step, 'duplicate-submission', T.genericDuplicate));
      }
      state.keyCounter += 1;
      const request: OutboxRequest = {
        key: `${state.registration}-${state.keyCounter}`,
        step: step.id,
        body: step.expected
          ? structuredClone((state.entries[step.id] as EntryState).values)
          : undefined,
        state: 'queued',
      };
      state.outbox.push(request);
      if (!state.online) {
        d.reply.notices.push(T.queued);
        break;
      }
      if (state.outbox.some((r) => r.step === step.id && r.key !== request.key)) {
        // The earlier request is delivered too: the server ends up with both.
        flush(scenario, d, env);
      } else {
        deliver(scenario, d, env, state.outbox[state.outbox.length - 1] as OutboxRequest);
      }
      break;
    }
    case 'response': {
      const request = state.outbox.find((r) => r.key === action.key);
      if (state.server !== 'external' || !request) {
        d.reply.notices.push(T.wrongStep);
        break;
      }
      d.reply.applied = true;
      applyOutcome(scenario, d, env, request, {
        status: action.status,
        ...(action.problem ? { problem: action.problem } : {}),
        ...(action.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: action.retryAfterSeconds }
          : {}),
      });
      break;
    }
    case 'retry':
      d.reply.applied = true;
      if (!state.online) {
        d.reply.notices.push(T.queued);
        break;
      }
      flush(scenario, d, env);
      break;
  }
  return end();
}

/** An attempt at a scenario, as an object around {@link reduce}. */
export interface Session {
  readonly scenario: Scenario;
  readonly mode: Mode;
  /** The state now (a copy is safe to store and to restore with {@link resumeSession}). */
  readonly state: SessionState;
  dispatch(action: Action): Reply;
  /** The score so far (final once the attempt is done). */
  score(): ScoreReport;
  /** Every statement emitted so far, oldest first. */
  statements(): XapiStatement[];
  /** What the UI shows now, without doing anything. */
  view(): Reply;
}

function defaultUuid(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Starts an attempt at a scenario in a mode.
 *
 * @example
 * ```ts
 * const session = createSession(scenario, 'practice', { locale: 'id' });
 * session.dispatch({ type: 'navigate', menu: ['Laporan', 'Giat Wajib Harian', 'DDS', 'Warga'] });
 * const reply = session.dispatch({ type: 'hint' });
 * console.log(reply.guide?.hint.id);
 * ```
 */
export function createSession(
  scenario: Scenario,
  mode: Mode,
  options: SessionOptions = {},
): Session {
  const now = options.now ?? Date.now;
  const uuid = options.uuid ?? defaultUuid;
  const start = initialState(scenario, mode, {
    now: now(),
    uuid,
    ...(options.actor ? { actor: options.actor } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.server ? { server: options.server } : {}),
  });
  return resumeSession(scenario, start, options);
}

/** Continues an attempt from a stored state (after a reload of the page, say). */
export function resumeSession(
  scenario: Scenario,
  saved: SessionState,
  options: SessionOptions = {},
): Session {
  const now = options.now ?? Date.now;
  const uuid = options.uuid ?? defaultUuid;
  let state = saved;
  return {
    scenario,
    mode: saved.mode,
    get state() {
      return state;
    },
    dispatch(action) {
      const result = reduce(scenario, state, action, {
        now: now(),
        uuid,
        ...(options.validate ? { validate: options.validate } : {}),
      });
      state = result.state;
      return result.reply;
    },
    score: () => computeScore(scenario, state),
    statements: () => [...state.statements],
    view() {
      const current = currentView(scenario, state);
      return {
        applied: false,
        current,
        ...(state.mode === 'guided' && current ? { guide: guideFor(current.step) } : {}),
        notices: [],
        feedback: [],
        server: [],
        requests: [],
        ...(state.mode === 'exam' && !state.finished
          ? {
              remainingMs: Math.max(
                0,
                state.startedAt + scenario.timeLimitMinutes * 60_000 - now(),
              ),
            }
          : {}),
        done: state.finished,
        ...(state.finished ? { score: computeScore(scenario, state) } : {}),
      };
    },
  };
}
