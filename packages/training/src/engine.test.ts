import { describe, expect, it } from 'vitest';
import { createSession, reduce, resumeSession, type Session } from './engine.js';
import { getScenario } from './index.js';
import { perfectActions } from './simulate.js';
import type { EntryStep } from './types.js';

function clock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Plays the perfect run up to (not including) the step with this id. */
function upTo(session: Session, stepId: string) {
  const scenario = session.scenario;
  const index = scenario.steps.findIndex((s) => s.id === stepId);
  for (const step of scenario.steps.slice(0, index)) {
    if (step.kind === 'navigate') session.dispatch({ type: 'navigate', menu: step.menu });
    else if (step.kind === 'choice') session.dispatch({ type: 'choose', option: step.correct });
    else {
      for (const [field, value] of Object.entries(step.expected ?? {})) {
        session.dispatch({ type: 'enter', field, value });
      }
      session.dispatch({ type: 'submit' });
    }
  }
  return scenario.steps[index] as EntryStep;
}

function fill(session: Session, step: EntryStep) {
  for (const [field, value] of Object.entries(step.expected ?? {})) {
    session.dispatch({ type: 'enter', field, value });
  }
}

describe('network drop', () => {
  const scenario = getScenario('dds-warga.network-drop');

  it('the outbox resends with the same key when the signal returns, and the server keeps one report', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    const sent = session.dispatch({ type: 'submit' });
    expect(sent.server).toEqual([
      { status: 0, outcome: 'no-answer', requestKey: expect.any(String) },
    ]);
    expect(session.state.online).toBe(false);
    expect(sent.notices[0]?.id).toMatch(/Jangan membuat laporan baru/);
    const back = session.dispatch({ type: 'network', online: true });
    expect(back.server).toMatchObject([{ status: 201, replayed: true }]);
    expect(session.state.stored['fill-form']).toHaveLength(1);
    expect(back.current?.step.id).toBe('send-report');
  });

  it('sending the report again as new while it waits in the outbox makes two reports and costs the stated points', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    session.dispatch({ type: 'submit' });
    const again = session.dispatch({ type: 'submit' });
    expect(again.notices.map((t) => t.en)).toContain(
      'No signal: the report is kept in the outbox and sent automatically when the signal returns.',
    );
    expect(again.feedback.map((f) => f.id)).toEqual(['duplicate-submission']);
    session.dispatch({ type: 'network', online: true });
    expect(session.state.stored['fill-form']).toHaveLength(2);
    session.dispatch({ type: 'submit' });
    const score = session.score();
    const mistake = scenario.mistakes.find((m) => m.id === 'duplicate-submission');
    expect(score.max - score.raw).toBe(mistake?.points);
  });
});

describe('server error', () => {
  it('answers 503 with a problem+json in the session language, and a retry delivers it once', () => {
    const scenario = getScenario('giat-desa.server-error');
    const session = createSession(scenario, 'practice', { now: clock().now, uuid, locale: 'en' });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    const failed = session.dispatch({ type: 'submit' });
    expect(failed.server[0]).toMatchObject({
      status: 503,
      retryAfterSeconds: 30,
      problem: {
        type: 'urn:bosv2:problem:service-unavailable',
        code: 'service-unavailable',
        title: 'Service unavailable',
      },
    });
    const retried = session.dispatch({ type: 'retry' });
    expect(retried.server).toMatchObject([{ status: 201, replayed: false }]);
    expect(session.state.stored['fill-form']).toHaveLength(1);
  });
});

describe('refusal', () => {
  it('refuses the draft with the scenario problem and accepts the fixed entry', () => {
    const scenario = getScenario('ps-sengketa.refusal');
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const step = upTo(session, 'fill-form');
    expect(session.view().current?.values).toMatchObject({
      details: { keywords: ['sengketa', 'kebun', 'mediasi'] },
    });
    const refused = session.dispatch({ type: 'submit' });
    expect(refused.server[0]).toMatchObject({
      status: 400,
      problem: {
        code: 'validation-failed',
        errors: [{ field: 'details.keywords', code: 'too-few-keywords' }],
      },
    });
    expect(refused.current?.step.id).toBe('fill-form');
    fill(session, step);
    const accepted = session.dispatch({ type: 'submit' });
    expect(accepted.server).toMatchObject([{ status: 201 }]);
    expect(accepted.feedback).toEqual([]);
  });
});

describe('modes', () => {
  const scenario = getScenario('dds-sekolah.clean');

  it('guided mode shows the step, its hint and what to highlight with every reply', () => {
    const session = createSession(scenario, 'guided', { now: clock().now, uuid });
    expect(session.view().guide?.highlight).toEqual([
      'Laporan',
      'Giat Wajib Harian',
      'DDS',
      'Sekolah',
    ]);
    const reply = session.dispatch({
      type: 'navigate',
      menu: ['Laporan', 'Giat Wajib Harian', 'DDS', 'Sekolah'],
    });
    expect(reply.guide?.title.en).toBe('Fill in the form and save the draft');
    expect(reply.guide?.highlight).toContain('details.contactPerson.name');
  });

  it('practice mode gives a hint on request and counts it; exam mode refuses hints', () => {
    const practice = createSession(scenario, 'practice', { now: clock().now, uuid });
    expect(practice.view().guide).toBeUndefined();
    const hint = practice.dispatch({ type: 'hint' });
    expect(hint.guide?.hint.id).toMatch(/Buka Laporan/);
    expect(practice.score().hintsUsed).toBe(1);

    const exam = createSession(scenario, 'exam', { now: clock().now, uuid });
    const refused = exam.dispatch({ type: 'hint' });
    expect(refused.applied).toBe(false);
    expect(refused.guide).toBeUndefined();
    expect(refused.notices[0]?.en).toBe('Hints are not available in exam mode.');
  });

  it('exam mode ends the attempt when time is up, and it fails', () => {
    const time = clock();
    const session = createSession(scenario, 'exam', { now: time.now, uuid });
    session.dispatch({
      type: 'navigate',
      menu: ['Laporan', 'Giat Wajib Harian', 'DDS', 'Sekolah'],
    });
    time.advance(scenario.timeLimitMinutes * 60_000 + 1);
    const late = session.dispatch({ type: 'tick' });
    expect(late.done).toBe(true);
    expect(late.score).toMatchObject({ timedOut: true, passed: false });
    expect(late.score?.items.find((i) => i.id === 'menu')?.earned).toBe(10);
    expect(late.score?.items.find((i) => i.id === 'entries')?.earned).toBe(0);
    expect(session.statements().at(-1)?.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(session.dispatch({ type: 'submit' }).applied).toBe(false);
  });
});

describe('grading', () => {
  const scenario = getScenario('dds-warga.clean');

  it('an unlisted wrong entry costs the mismatch points and says which field and what was expected', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    session.dispatch({ type: 'enter', field: 'location.rt', value: '07' });
    const reply = session.dispatch({ type: 'submit' });
    expect(reply.feedback).toHaveLength(1);
    expect(reply.feedback[0]).toMatchObject({
      id: 'mismatch:fill-form:location.rt',
      listed: false,
      points: 5,
    });
    expect(reply.feedback[0]?.detail?.id).toBe('Isian location.rt: tertulis 07, seharusnya 03.');
  });

  it('a padded description is caught even when the server takes it, with the reason', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    session.dispatch({
      type: 'enter',
      field: 'description',
      value: 'Sambang Ahmad Fauzi, lampu jalan padam, rawan pencurian, saran ronda. ..........',
    });
    const reply = session.dispatch({ type: 'submit' });
    expect(reply.server).toMatchObject([{ status: 201 }]);
    expect(reply.feedback.map((f) => f.id)).toEqual(['padded-description']);
    expect(reply.feedback[0]?.detail?.en).toMatch(/characters are repeated/);
  });

  it('deductions never take an item below zero, and unfinished steps earn nothing', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    session.dispatch({ type: 'navigate', menu: ['Laporan'] });
    session.dispatch({ type: 'navigate', menu: ['Laporan', 'Giat'] });
    session.dispatch({
      type: 'navigate',
      menu: scenario.steps[0]?.kind === 'navigate' ? scenario.steps[0].menu : [],
    });
    const reply = session.dispatch({ type: 'finish' });
    expect(reply.score?.items.find((i) => i.id === 'menu')).toMatchObject({
      earned: 5,
      completed: true,
    });
    expect(reply.score?.raw).toBe(5);
    expect(reply.score?.passed).toBe(false);
  });

  it('an action that does not fit the step is not applied', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const reply = session.dispatch({ type: 'submit' });
    expect(reply.applied).toBe(false);
    expect(reply.current?.step.id).toBe('open-menu');
  });
});

describe('state', () => {
  const scenario = getScenario('citizen-outreach.clean');

  it('reduce does not change the state it is given', () => {
    const session = createSession(scenario, 'practice', { now: clock().now, uuid });
    const before = structuredClone(session.state);
    const frozen = session.state;
    reduce(
      scenario,
      frozen,
      { type: 'navigate', menu: ['Beranda', 'Cari Bhabinkamtibmas'] },
      { now: 1, uuid },
    );
    expect(frozen).toEqual(before);
  });

  it('an attempt stored as JSON resumes where it stopped and ends the same', () => {
    const actions = perfectActions(scenario);
    const first = createSession(scenario, 'exam', { now: clock().now, uuid });
    for (const action of actions.slice(0, 4)) first.dispatch(action);
    const stored = JSON.parse(JSON.stringify(first.state));
    const resumed = resumeSession(scenario, stored, { now: clock().now, uuid });
    for (const action of actions.slice(4)) resumed.dispatch(action);
    expect(resumed.score()).toMatchObject({ raw: 100, max: 100, passed: true });
  });
});

describe('learning records', () => {
  it('every attempt emits xAPI statements with unique ids, one registration, the actor and a final result', () => {
    const scenario = getScenario('deteksi-dini.clean');
    const actor = {
      objectType: 'Agent' as const,
      name: 'Bripka Latihan',
      account: { homePage: 'https://kelas.example', name: 'peserta-07' },
    };
    const session = createSession(scenario, 'exam', { now: clock().now, actor });
    for (const action of perfectActions(scenario)) session.dispatch(action);
    const statements = session.statements();
    expect(statements[0]?.verb.id).toBe('http://adlnet.gov/expapi/verbs/attempted');
    expect(statements.filter((s) => s.verb.id.endsWith('/progressed'))).toHaveLength(
      scenario.steps.length,
    );
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) {
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(s.context.registration).toBe(session.state.registration);
      expect(s.actor).toEqual(actor);
      expect(s.object.id).toBe('https://bosv2-kit.github.io/xapi/scenarios/deteksi-dini.clean');
      expect(s.timestamp).toBe('2023-11-14T22:13:20.000Z');
    }
    const last = statements.at(-1);
    expect(last?.result).toMatchObject({ success: true, completion: true, score: { scaled: 1 } });
    expect(last?.context.extensions['https://bosv2-kit.github.io/xapi/ext/mode']).toBe('exam');
  });
});

describe('external server', () => {
  const scenario = getScenario('bina-komunitas.clean');

  it('hands out requests with their Idempotency-Key and takes the real answers back', () => {
    const session = createSession(scenario, 'practice', {
      now: clock().now,
      uuid,
      server: 'external',
    });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    const sent = session.dispatch({ type: 'submit' });
    expect(sent.server).toEqual([]);
    expect(sent.requests).toEqual([
      {
        key: expect.any(String),
        step: 'fill-form',
        operationId: 'createActivity',
        body: step.expected,
      },
    ]);
    const key = sent.requests[0]?.key as string;
    expect(session.dispatch({ type: 'response', key: 'unknown', status: 201 }).applied).toBe(false);

    const lost = session.dispatch({ type: 'response', key, status: 0 });
    expect(lost.notices[0]?.en).toMatch(/The signal dropped/);
    const retry = session.dispatch({ type: 'retry' });
    expect(retry.requests.map((r) => r.key)).toEqual([key]);
    const ok = session.dispatch({ type: 'response', key, status: 201 });
    expect(ok.server).toMatchObject([{ status: 201, replayed: false }]);
    expect(ok.current?.step.id).toBe('send-report');
    expect(session.score().findings).toEqual([]);
  });

  it('a refusal from the real server counts a resubmit without a fix', () => {
    const session = createSession(scenario, 'practice', {
      now: clock().now,
      uuid,
      server: 'external',
    });
    const step = upTo(session, 'fill-form');
    fill(session, step);
    const problem = {
      type: 'urn:bosv2:problem:validation-failed',
      status: 400,
      code: 'validation-failed',
    };
    const first = session.dispatch({ type: 'submit' }).requests[0]?.key as string;
    expect(
      session.dispatch({ type: 'response', key: first, status: 400, problem }).server[0],
    ).toMatchObject({ status: 400, problem });
    const second = session.dispatch({ type: 'submit' }).requests[0]?.key as string;
    const again = session.dispatch({ type: 'response', key: second, status: 400, problem });
    expect(again.feedback.map((f) => f.id)).toEqual(['resubmit-unchanged:fill-form']);
  });

  it('exam replies say how much time is left', () => {
    const time = clock();
    const session = createSession(scenario, 'exam', { now: time.now, uuid });
    time.advance(60_000);
    expect(session.dispatch({ type: 'tick' }).remainingMs).toBe(
      scenario.timeLimitMinutes * 60_000 - 60_000,
    );
  });
});
