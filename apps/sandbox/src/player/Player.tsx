import spec from '@bosv2/contract/openapi.json';
import {
  type Action,
  type ChoiceStep,
  createSession,
  type EntryStep,
  type Finding,
  type Reply,
  resumeSession,
  type Scenario,
  type Session,
  type SessionState,
  type Text,
  workflows,
} from '@bosv2/training';
import {
  ActivityForm,
  apiRegionSource,
  type Problem,
  type RegionPageLike,
  type RegionSource,
  type SchemaDocument,
  ScoreSummary,
} from '@bosv2/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/context.js';
import type { Mode, Role } from '../router.js';
import { href } from '../router.js';
import type { Drill } from '../runtime/network.js';
import type { SandboxRuntime } from '../runtime/runtime.js';
import { useNetworkOnline, useOutbox, useRuntime } from '../runtime/use-runtime.js';
import { useProgress } from '../state/progress.js';
import { attemptOf, latestKey, menuPaths, menuTree, planSubmit } from './bridge.js';
import { DrillPanel } from './DrillPanel.js';
import { MenuNavigator } from './MenuNavigator.js';
import { OperationForm } from './OperationForm.js';
import { mirrored, type OperationInfo, operationIndex, resolvePath } from './operations.js';
import { UploadForm } from './UploadForm.js';

const SPEC = spec as unknown as SchemaDocument;
const OPERATIONS = operationIndex(spec as never);
const CREATES = /^create|Register$/;

/** What is kept on the device while an attempt runs, so a reload (even offline) continues it. */
interface SavedAttempt {
  state: SessionState;
  /** Records on the simulated server when the attempt began. */
  baseline: number;
  /** The engine's Idempotency-Key → the SDK outbox entry that carries it. */
  mirrored: Record<string, string>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await wait(50);
  }
  return true;
}

/** Ids the simulated server gave the reports this attempt created, by resource group. */
async function createdIds(
  runtime: SandboxRuntime,
  op: OperationInfo,
  entryIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (op.pathParams.length === 0) return found;
  const own = () =>
    runtime.outbox
      .getSnapshot()
      .entries.filter((e) => entryIds.includes(e.id) && CREATES.test(e.operationId))
      .filter((e) => OPERATIONS.get(e.operationId)?.tag === op.tag);
  // A create may still be on its way (slow drill): wait for it a little.
  await until(() => own().every((e) => e.state === 'sent' || e.state === 'failed'), 10_000);
  for (const entry of own()) {
    const id = (entry.result as { id?: string } | undefined)?.id;
    if (entry.state === 'sent' && id) found.set(op.tag, id);
  }
  return found;
}

export function Player({ scenario, mode, role }: { scenario: Scenario; mode: Mode; role: Role }) {
  const { t, locale } = useI18n();
  const progress = useProgress();
  const runtime = useRuntime();
  const outbox = useOutbox(runtime);
  const online = useNetworkOnline(runtime);
  const session = useRef<Session | null>(null);
  const meta = useRef<{ baseline: number; mirrored: Record<string, string> }>({
    baseline: 0,
    mirrored: {},
  });
  const [reply, setReply] = useState<Reply | null>(null);
  const [notices, setNotices] = useState<{ notices: Text[]; feedback: Finding[] }>({
    notices: [],
    feedback: [],
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [formValue, setFormValue] = useState<{ key: number; value?: Record<string, unknown> }>({
    key: 0,
  });
  const [drill, setDrill] = useState<Drill>('normal');
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [recorded, setRecorded] = useState(false);
  const [newRecords, setNewRecords] = useState<number | null>(null);
  const storageKey = `attempt:${scenario.id}:${mode}`;
  const { saveValue, loadValue, record, recordStatements, ready } = progress;

  const save = useCallback(() => {
    const current = session.current;
    if (!current) return;
    const saved: SavedAttempt = { state: current.state, ...meta.current };
    void saveValue(storageKey, current.state.finished ? null : saved);
  }, [saveValue, storageKey]);

  const show = useCallback(
    (next: Reply) => {
      const current = session.current;
      setReply(next.done && !next.score && current ? { ...next, score: current.score() } : next);
      setNotices({ notices: next.notices, feedback: next.feedback });
      save();
    },
    [save],
  );

  const dispatch = useCallback(
    (action: Action): Reply | null => {
      const current = session.current;
      if (!current) return null;
      const next = current.dispatch(action);
      show(next);
      return next;
    },
    [show],
  );

  // Start the attempt, or continue the one this device was in the middle of.
  useEffect(() => {
    if (!runtime || !ready) return;
    let live = true;
    void (async () => {
      const saved = await loadValue<SavedAttempt | null>(storageKey);
      if (!live) return;
      if (saved && !saved.state.finished && saved.state.mode === mode) {
        session.current = resumeSession(scenario, saved.state);
        meta.current = { baseline: saved.baseline, mirrored: { ...saved.mirrored } };
      } else {
        await runtime.beginAttempt(scenario.role, scenario.setting.desaCode).catch(() => undefined);
        session.current = createSession(scenario, mode, { locale });
        meta.current = { baseline: runtime.recordCount(), mirrored: {} };
      }
      setDrill(runtime.drill);
      const isOnline = runtime.network.isOnline();
      if (session.current.state.online !== isOnline) {
        show(session.current.dispatch({ type: 'network', online: isOnline }));
      } else {
        show(session.current.view());
      }
    })();
    return () => {
      live = false;
    };
  }, [runtime, ready, scenario, mode, locale, loadValue, storageKey, show]);

  // The engine hears what the network does (the device's signal and the drills).
  useEffect(
    () =>
      runtime?.network.subscribe((isOnline) => {
        const current = session.current;
        if (current && !current.state.finished && current.state.online !== isOnline) {
          dispatch({ type: 'network', online: isOnline });
        }
      }),
    [runtime, dispatch],
  );

  // Exams are timed: let the engine look at the clock.
  useEffect(() => {
    if (mode !== 'exam' || reply?.done) return;
    let seconds = 0;
    const timer = setInterval(() => {
      setNow(Date.now());
      seconds += 1;
      if (seconds % 5 === 0) dispatch({ type: 'tick' });
    }, 1000);
    return () => clearInterval(timer);
  }, [mode, reply?.done, dispatch]);

  // The end: store the attempt once, then check what reached the simulated server.
  useEffect(() => {
    if (!reply?.done || !reply.score || !session.current || !runtime || recorded) return;
    setRecorded(true);
    void record([attemptOf(scenario, mode, session.current.state, reply.score, Date.now())]);
    // The attempt's learning records (xAPI-shaped, each with its own id), kept for a trainer.
    void recordStatements(session.current.statements());
    void (async () => {
      await until(() => runtime.outbox.getSnapshot().pending === 0, 30_000);
      await runtime.saved();
      setNewRecords(runtime.recordCount() - meta.current.baseline);
    })();
  }, [reply, runtime, recorded, record, recordStatements, scenario, mode]);

  const regionSource = useMemo<RegionSource | undefined>(
    () =>
      runtime
        ? apiRegionSource(
            (query, signal) =>
              runtime.client.regions.list(
                { query } as never,
                { signal } as never,
              ) as Promise<RegionPageLike>,
          )
        : undefined,
    [runtime],
  );
  const tree = useMemo(() => menuTree(menuPaths(workflows, scenario)), [scenario]);

  const mirror = async (
    step: EntryStep,
    body: Record<string, unknown> | undefined,
    key: string,
    plan: ReturnType<typeof planSubmit>,
  ) => {
    if (!runtime) return;
    const goOffline = () => {
      runtime.applyDrill('offline');
      setDrill('offline');
    };
    const op = OPERATIONS.get(step.operationId);
    const path =
      op && mirrored(op)
        ? resolvePath(op, await createdIds(runtime, op, Object.values(meta.current.mirrored)))
        : null;
    if (!op || path === null) {
      // Not a report the simulated server keeps (a login, say): only the signal drops.
      if (plan.thenOffline) goOffline();
      return;
    }
    if (plan.fault) runtime.armFault(plan.fault);
    const entry = await runtime.outbox.enqueue(op.operationId, {
      ...(body ? { body } : {}),
      ...(op.pathParams.length > 0 ? { path } : {}),
    });
    meta.current.mirrored[key] = entry.id;
    save();
    if (plan.thenOffline) {
      await until(
        () => runtime.outbox.getSnapshot().entries.some((e) => e.id === entry.id && e.attempts > 0),
        5000,
      );
      goOffline();
    }
  };

  const submitEntry = async (step: EntryStep, input?: Record<string, unknown>) => {
    const current = session.current;
    if (!current) return;
    setBusy(true);
    try {
      if (input) {
        const values = current.view().current?.values ?? {};
        for (const field of new Set([...Object.keys(values), ...Object.keys(input)])) {
          if (JSON.stringify(values[field]) !== JSON.stringify(input[field])) {
            current.dispatch({ type: 'enter', field, value: input[field] ?? null });
          }
        }
      }
      const next = dispatch({ type: 'submit' });
      if (!next) return;
      const key = latestKey(current.state);
      const plan = planSubmit(next, key);
      setProblem((plan.problem as Problem | undefined) ?? null);
      if (plan.send) await mirror(step, input, key, plan);
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    dispatch({ type: 'retry' });
    if (!runtime) return;
    for (const entry of runtime.outbox.getSnapshot().entries) {
      if (entry.state === 'failed') await runtime.outbox.retry(entry.id).catch(() => undefined);
    }
    await runtime.outbox.flush();
  };

  const changeDrill = (next: Drill) => {
    runtime?.applyDrill(next);
    setDrill(next);
  };

  if (!runtime || !reply) {
    return <p role="status">{t('common.loading')}</p>;
  }

  const view = reply.current;
  const step = view?.step;
  const engineOutbox = session.current?.state.outbox.length ?? 0;
  const expectedRecords = scenario.steps.filter(
    (s) =>
      s.kind === 'entry' &&
      CREATES.test(s.operationId) &&
      OPERATIONS.get(s.operationId) &&
      mirrored(OPERATIONS.get(s.operationId) as OperationInfo),
  ).length;
  const timeLeft =
    mode === 'exam' && session.current
      ? Math.max(0, scenario.timeLimitMinutes * 60_000 - (now - session.current.state.startedAt))
      : null;

  return (
    <div
      className="player"
      data-testid="player"
      data-step-kind={step?.kind ?? 'done'}
      data-step-id={step?.id ?? ''}
    >
      <div className="player-head">
        <p className="hint">
          {t(`mode.${mode}`)} · {scenario.title[locale]}
        </p>
        {view ? (
          <p className="step-count" data-testid="step-count">
            {t('scenario.step', { n: view.index + 1, total: view.count })}
          </p>
        ) : null}
        {timeLeft !== null && !reply.done ? (
          <p className="timer" role="timer" aria-live="off">
            {t('scenario.timeLeft', {
              time: `${Math.floor(timeLeft / 60_000)}:${String(Math.floor((timeLeft % 60_000) / 1000)).padStart(2, '0')}`,
            })}
          </p>
        ) : null}
      </div>
      <details className="briefing" open={!reply.done}>
        <summary>{t('scenario.briefing')}</summary>
        <p className="briefing-text">{scenario.briefing[locale]}</p>
        <p className="hint">
          {scenario.setting.persona.rank ? `${scenario.setting.persona.rank} ` : ''}
          {scenario.setting.persona.name} · {scenario.setting.desaName},{' '}
          {scenario.setting.kecamatanName} · {scenario.setting.date}
          {scenario.setting.time ? ` ${scenario.setting.time}` : ''}
        </p>
        {mode === 'exam' ? (
          <p className="hint">{t('scenario.passMark', { score: scenario.passMark })}</p>
        ) : null}
      </details>

      {reply.guide ? (
        <div className="guide" role="note" aria-label={t('player.guide')} data-testid="guide">
          <p className="guide-title">{reply.guide.title[locale]}</p>
          <p>{reply.guide.hint[locale]}</p>
          {reply.guide.explain ? <p className="hint">{reply.guide.explain[locale]}</p> : null}
        </div>
      ) : null}

      <div aria-live="polite" className="messages" data-testid="messages">
        {notices.notices.map((notice) => (
          <p key={notice.id} className="note">
            {notice[locale]}
          </p>
        ))}
        {notices.feedback.map((finding) => (
          <div key={finding.id} className="note note-warn" data-testid="feedback">
            <p className="guide-title">{finding.title[locale]}</p>
            <p>{finding.feedback[locale]}</p>
            {finding.detail ? <p className="hint">{finding.detail[locale]}</p> : null}
          </div>
        ))}
      </div>

      {step && !reply.done ? (
        <section className="step" aria-labelledby="step-title">
          <h2 id="step-title">{step.title[locale]}</h2>
          {step.kind === 'navigate' ? (
            <MenuNavigator tree={tree} onOpen={(menu) => dispatch({ type: 'navigate', menu })} />
          ) : null}
          {step.kind === 'choice' ? (
            <ChoiceForm step={step} onChoose={(option) => dispatch({ type: 'choose', option })} />
          ) : null}
          {step.kind === 'entry' ? (
            <EntryForm
              key={`${step.id}-${formValue.key}`}
              step={step}
              values={formValue.value ?? view?.values}
              problem={problem}
              busy={busy}
              regionSource={regionSource}
              onSubmit={(input) => submitEntry(step, input)}
            />
          ) : null}
          <div className="actions">
            {mode !== 'exam' ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => dispatch({ type: 'hint' })}
                data-testid="hint"
              >
                {t('scenario.hint')}
              </button>
            ) : null}
            {mode === 'guided' && step.kind === 'entry' && step.expected ? (
              <button
                type="button"
                className="button button-secondary"
                data-testid="show-me"
                onClick={() => setFormValue((f) => ({ key: f.key + 1, value: step.expected }))}
              >
                {t('player.showMe')}
              </button>
            ) : null}
            {engineOutbox > 0 ? (
              <button
                type="button"
                className="button"
                onClick={() => void retry()}
                data-testid="retry"
              >
                {t('player.retry')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-danger"
              onClick={() => dispatch({ type: 'finish' })}
              data-testid="finish"
            >
              {t('player.stop')}
            </button>
          </div>
        </section>
      ) : null}

      {reply.done && reply.score ? (
        <section className="result" aria-labelledby="result-heading" data-testid="result">
          <h2 id="result-heading">{t('player.result')}</h2>
          <ScoreSummary
            score={reply.score.raw}
            max={reply.score.max}
            passRatio={reply.score.passMark / 100}
            locale={locale}
            items={reply.score.items.map((item) => ({
              label: item.title[locale],
              points: item.earned,
              max: item.points,
              ...(item.deductions.length > 0
                ? {
                    feedback: item.deductions
                      .map((d) => `${d.title[locale]}: ${d.feedback[locale]}`)
                      .join(' '),
                  }
                : {}),
            }))}
          />
          <p data-testid="result-passed" data-passed={String(reply.score.passed)}>
            {reply.score.passed ? t('player.passed') : t('player.notPassed')} ({reply.score.percent}
            %)
          </p>
          {newRecords === null ? (
            <p role="status">{t('player.checkingDelivery')}</p>
          ) : (
            <p
              className={newRecords === expectedRecords ? 'note' : 'note note-warn'}
              data-testid="delivery-check"
              data-ok={String(newRecords === expectedRecords)}
            >
              {newRecords === expectedRecords
                ? expectedRecords === 0
                  ? t('player.deliveredNone')
                  : t('player.deliveredOnce', { count: newRecords })
                : t('player.deliveredWrong', { count: newRecords, expected: expectedRecords })}
            </p>
          )}
          <div className="actions">
            <a className="button" href={href({ name: 'modules', role })}>
              {t('player.backToModules')}
            </a>
            <a className="button button-secondary" href={href({ name: 'progress' })}>
              {t('nav.progress')}
            </a>
          </div>
        </section>
      ) : null}

      <DrillPanel
        drill={drill}
        onDrill={changeDrill}
        online={online}
        outbox={outbox}
        onRetry={() => void retry()}
        newRecords={runtime ? runtime.recordCount() - meta.current.baseline : null}
        onReset={() => {
          if (!window.confirm(t('drill.resetConfirm'))) return;
          void (async () => {
            await runtime.reset();
            await runtime.saved();
            await saveValue(storageKey, null);
            location.reload();
          })();
        }}
      />
    </div>
  );
}

function ChoiceForm({ step, onChoose }: { step: ChoiceStep; onChoose(option: string): void }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) onChoose(choice);
      }}
    >
      <fieldset className="field">
        <legend>{step.question[locale]}</legend>
        {step.options.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="radio"
              name={step.id}
              value={option.id}
              checked={choice === option.id}
              onChange={() => setChoice(option.id)}
              data-testid={`option-${option.id}`}
            />
            {option.text[locale]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" data-testid="answer" disabled={!choice}>
        {t('player.answer')}
      </button>
    </form>
  );
}

function EntryForm({
  step,
  values,
  problem,
  busy,
  regionSource,
  onSubmit,
}: {
  step: EntryStep;
  values: Record<string, unknown> | undefined;
  problem: Problem | null;
  busy: boolean;
  regionSource: RegionSource | undefined;
  onSubmit(input?: Record<string, unknown>): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const op = OPERATIONS.get(step.operationId);
  if (!step.expected) {
    return (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void onSubmit()}
        data-testid="entry-submit"
      >
        {t('scenario.submit')}
      </button>
    );
  }
  const type = typeof step.expected.type === 'string' ? step.expected.type : null;
  if ((step.operationId === 'createActivity' || step.operationId === 'replaceActivity') && type) {
    return (
      <div className="entry-form" data-testid="activity-form">
        <ActivityForm
          spec={SPEC}
          type={type}
          defaultValue={values ?? {}}
          problem={problem}
          busy={busy}
          regionSource={regionSource}
          simulatedPosition
          submitLabel={t('scenario.submit')}
          locale={locale}
          idPrefix="entry"
          onSubmit={(input) => onSubmit(input)}
        />
      </div>
    );
  }
  if (step.operationId === 'uploadAttachment') {
    const kinds = (SPEC as { components?: { schemas?: Record<string, { enum?: string[] }> } })
      .components?.schemas?.AttachmentKind?.enum;
    return (
      <div className="entry-form" data-testid="upload-form">
        <UploadForm
          kinds={kinds ?? []}
          defaultValue={values ?? {}}
          submitLabel={t('scenario.submit')}
          onSubmit={(input) => onSubmit(input)}
        />
      </div>
    );
  }
  if (!op?.bodySchema) {
    return <p className="note note-warn">{t('player.noForm', { op: step.operationId })}</p>;
  }
  return (
    <div className="entry-form" data-testid="operation-form">
      <OperationForm
        spec={SPEC}
        schemaName={op.bodySchema}
        title={step.title[locale]}
        defaultValue={values ?? {}}
        context={step.expected}
        problem={problem}
        submitLabel={t('scenario.submit')}
        regionSource={regionSource}
        onSubmit={(input) => onSubmit(input)}
      />
    </div>
  );
}
