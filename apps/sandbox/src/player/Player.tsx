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
} from '@bosv2/training/core';
import { workflows } from '@bosv2/training/data';
import {
  apiRegionSource,
  type Problem,
  type RegionPageLike,
  type RegionSource,
  ScoreSummary,
} from '@bosv2/ui';
import {
  lazy,
  Suspense,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { forwardToClassroom } from '../classroom/forward.js';
import { useI18n } from '../i18n/context.js';
import type { Mode, Role } from '../router.js';
import { href } from '../router.js';
import type { Drill } from '../runtime/network.js';
import type { SandboxRuntime } from '../runtime/runtime.js';
import {
  browserSchedule,
  getRuntime,
  onRuntimeStarted,
  sandboxNetwork,
  scheduleStart,
  startedRuntime,
  useDrill,
  useNetworkOnline,
  useOutbox,
  useRuntime,
} from '../runtime/use-runtime.js';
import { useProgress } from '../state/progress.js';
import { Briefing, PlayerPreview } from './Briefing.js';
import { attemptOf, latestKey, menuPaths, menuTree, planSubmit } from './bridge.js';
import { DrillPanel } from './DrillPanel.js';
import { MenuNavigator } from './MenuNavigator.js';
import { mirrored, type OperationInfo, resolvePath } from './operations.js';

// The forms and the contract they are drawn from load after the player is on screen (the first
// step is usually the menu); they are fetched at once in the background.
let formsChunk: Promise<typeof import('./EntryForm.js')> | undefined;
const loadForms = () => {
  formsChunk ??= import('./EntryForm.js');
  return formsChunk;
};
const EntryForm = lazy(() => loadForms().then((m) => ({ default: m.EntryForm })));
const loadContract = () => loadForms().then((m) => m.contract);
const CREATES = /^create|Register$/;

/** Reports the scenario creates on the simulated server: what the result screen expects. */
function expectedRecords(
  scenario: Scenario,
  operations: ReadonlyMap<string, OperationInfo>,
): number {
  return scenario.steps.filter((s) => {
    if (s.kind !== 'entry' || !CREATES.test(s.operationId)) return false;
    const op = operations.get(s.operationId);
    return op !== undefined && mirrored(op);
  }).length;
}

/** What is kept on the device while an attempt runs, so a reload (even offline) continues it. */
interface SavedAttempt {
  state: SessionState;
  /** Records on the simulated server when the attempt began. */
  baseline: number;
  /** The engine's Idempotency-Key → the SDK outbox entry that carries it. */
  mirrored: Record<string, string>;
  /**
   * Whether the simulated server was prepared for the attempt (its world, the officer's
   * session) and `baseline` taken. The attempt starts before the runtime has loaded; it is
   * prepared when the runtime starts. Absent in attempts saved before this existed: prepared.
   */
  prepared?: boolean;
}

interface AttemptMeta {
  baseline: number;
  mirrored: Record<string, string>;
  prepared: boolean;
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
  operations: ReadonlyMap<string, OperationInfo>,
  op: OperationInfo,
  entryIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (op.pathParams.length === 0) return found;
  const own = () =>
    runtime.outbox
      .getSnapshot()
      .entries.filter((e) => entryIds.includes(e.id) && CREATES.test(e.operationId))
      .filter((e) => operations.get(e.operationId)?.tag === op.tag);
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
  const network = sandboxNetwork();
  // Reports of a resumed attempt may wait in the outbox: then the runtime starts at once.
  const [eager, setEager] = useState(false);
  const runtime = useRuntime(eager);
  const outbox = useOutbox(runtime);
  const online = useNetworkOnline();
  const drill = useDrill();
  const session = useRef<Session | null>(null);
  const meta = useRef<AttemptMeta>({ baseline: 0, mirrored: {}, prepared: false });
  /** The runtime once this attempt is prepared on it (see `SavedAttempt.prepared`). */
  const attemptReady = useRef<Promise<SandboxRuntime> | null>(null);
  /** Preparations run one after another, even when the attempt effect runs again. */
  const preparing = useRef<Promise<unknown>>(Promise.resolve());
  const [prepared, setPrepared] = useState<SandboxRuntime | null>(null);
  const preparedRef = useRef<SandboxRuntime | null>(null);
  /** An action waits for the training server (shown as "Menyiapkan server latihan…"). */
  const [waiting, setWaiting] = useState(false);
  const [reply, setReply] = useState<Reply | null>(null);
  const [notices, setNotices] = useState<{ notices: Text[]; feedback: Finding[] }>({
    notices: [],
    feedback: [],
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [formValue, setFormValue] = useState<{ key: number; value?: Record<string, unknown> }>({
    key: 0,
  });
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [recorded, setRecorded] = useState(false);
  /** What reached the simulated server in this attempt, against what should have. */
  const [delivery, setDelivery] = useState<{ count: number; expected: number } | null>(null);
  const storageKey = `attempt:${scenario.id}:${mode}`;
  const { saveValue, loadValue, record, recordStatements, ready } = progress;

  const save = useCallback(() => {
    const current = session.current;
    if (!current) return;
    const saved: SavedAttempt = { state: current.state, ...meta.current };
    void saveValue(storageKey, current.state.finished ? null : saved);
    // A trainee in a classroom session: the trainer's board follows each step, not just the end.
    forwardToClassroom(current.statements());
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

  // Start the attempt, or continue the one this device was in the middle of. This needs no
  // runtime: the player is on screen at once, and the attempt is prepared on the simulated
  // server when the runtime starts (in the background, or when an action needs it).
  useEffect(() => {
    if (!ready) return;
    let live = true;
    let unsubscribe = () => {};
    attemptReady.current = null;
    preparedRef.current = null;
    setPrepared(null);
    void (async () => {
      const saved = await loadValue<SavedAttempt | null>(storageKey);
      if (!live) return;
      if (saved && !saved.state.finished && saved.state.mode === mode) {
        session.current = resumeSession(scenario, saved.state);
        meta.current = {
          baseline: saved.baseline,
          mirrored: { ...saved.mirrored },
          prepared: saved.prepared ?? true,
        };
        if (Object.keys(saved.mirrored).length > 0) setEager(true);
      } else {
        session.current = createSession(scenario, mode, { locale });
        meta.current = { baseline: 0, mirrored: {}, prepared: false };
      }
      const started = new Promise<SandboxRuntime>((resolve) => {
        unsubscribe = onRuntimeStarted(() => {
          const rt = startedRuntime();
          if (rt) resolve(rt);
        });
      });
      const own = meta.current;
      const prepare = async (rt: SandboxRuntime) => {
        if (!live || own.prepared) return;
        // A fresh seeded world (unless reports still wait), the role's session, the desa.
        await rt.beginAttempt(scenario.role, scenario.setting.desaCode).catch(() => undefined);
        own.baseline = rt.recordCount();
        own.prepared = true;
        if (live) save();
      };
      const preparedNow = started.then((rt) => {
        const step = preparing.current.then(() => prepare(rt));
        preparing.current = step;
        return step.then(() => rt);
      });
      attemptReady.current = preparedNow;
      void preparedNow.then((rt) => {
        if (!live) return;
        preparedRef.current = rt;
        setPrepared(rt);
      });
      const isOnline = network.isOnline();
      const first =
        session.current.state.online !== isOnline
          ? session.current.dispatch({ type: 'network', online: isOnline })
          : session.current.view();
      // The player's first full render is the page's biggest: as a transition React renders it
      // in slices that leave the main thread free in between (no long task on a slow phone).
      startTransition(() => show(first));
    })();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [network, ready, scenario, mode, locale, loadValue, storageKey, show, save]);

  /**
   * The runtime with this attempt prepared on it, started now if it has not (null if it cannot
   * load). `visible`: the trainee waits for it, so the player says so.
   */
  const need = useCallback(async (visible: boolean): Promise<SandboxRuntime | null> => {
    const pending = attemptReady.current;
    if (!pending) return null;
    const loading = getRuntime();
    const wait = visible && !preparedRef.current;
    if (wait) setWaiting(true);
    try {
      // A runtime that cannot load (its chunk missing offline) fails here instead of hanging.
      await loading;
      return await pending;
    } catch {
      return null;
    } finally {
      if (wait) setWaiting(false);
    }
  }, []);

  // The forms' chunk (the contract, the schema forms): fetched with the first tap, or once the
  // page has been idle, so it is there when the trainee reaches a form. A step that shows a
  // form loads it at once (EntryForm is lazy).
  useEffect(() => scheduleStart(() => void loadForms(), browserSchedule()), []);

  // The engine hears what the network does (the device's signal and the drills).
  useEffect(
    () =>
      network.subscribe((isOnline) => {
        const current = session.current;
        if (current && !current.state.finished && current.state.online !== isOnline) {
          dispatch({ type: 'network', online: isOnline });
        }
      }),
    [network, dispatch],
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
    if (!reply?.done || !reply.score || !session.current || recorded) return;
    setRecorded(true);
    void record([attemptOf(scenario, mode, session.current.state, reply.score, Date.now())]);
    // The attempt's learning records (xAPI-shaped, each with its own id), kept for a trainer.
    void recordStatements(session.current.statements());
    void (async () => {
      const rt = await need(false);
      if (!rt) return;
      const { operations } = await loadContract();
      await until(() => rt.outbox.getSnapshot().pending === 0, 30_000);
      await rt.saved();
      setDelivery({
        count: rt.recordCount() - meta.current.baseline,
        expected: expectedRecords(scenario, operations),
      });
    })();
  }, [reply, recorded, record, recordStatements, scenario, mode, need]);

  // Desa names come from the simulated server: a search waits for it (and starts it).
  const regionSource = useMemo<RegionSource>(
    () =>
      apiRegionSource(async (query, signal) => {
        const rt = await need(false);
        if (!rt) throw new TypeError('Failed to fetch (the training server did not start)');
        return rt.client.regions.list(
          { query } as never,
          { signal } as never,
        ) as Promise<RegionPageLike>;
      }),
    [need],
  );
  // What reached the simulated server since the attempt began: counted again when the outbox
  // changes (every report the trainee sends goes through it), not on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: outbox is the recount's trigger.
  const serverNew = useMemo(
    () =>
      prepared && meta.current.prepared ? prepared.recordCount() - meta.current.baseline : null,
    [prepared, outbox],
  );
  const tree = useMemo(() => menuTree(menuPaths(workflows, scenario)), [scenario]);

  const mirror = async (
    runtime: SandboxRuntime,
    step: EntryStep,
    body: Record<string, unknown> | undefined,
    key: string,
    plan: ReturnType<typeof planSubmit>,
  ) => {
    const goOffline = () => runtime.applyDrill('offline');
    const { operations } = await loadContract();
    const op = operations.get(step.operationId);
    const path =
      op && mirrored(op)
        ? resolvePath(
            op,
            await createdIds(runtime, operations, op, Object.values(meta.current.mirrored)),
          )
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
      // The simulated server must be up before the engine moves on: what the trainee sends
      // goes to both, in order.
      const rt = await need(true);
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
      if (plan.send && rt) await mirror(rt, step, input, key, plan);
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    dispatch({ type: 'retry' });
    const rt = await need(true);
    if (!rt) return;
    for (const entry of rt.outbox.getSnapshot().entries) {
      if (entry.state === 'failed') await rt.outbox.retry(entry.id).catch(() => undefined);
    }
    await rt.outbox.flush();
  };

  const changeDrill = (next: Drill) => {
    // Before the runtime starts the network keeps the drill; the runtime applies it on start.
    const rt = startedRuntime();
    if (rt) rt.applyDrill(next);
    else network.drill = next;
  };

  if (!reply) return <PlayerPreview scenario={scenario} mode={mode} />;

  const view = reply.current;
  const step = view?.step;
  const engineOutbox = session.current?.state.outbox.length ?? 0;
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
      data-server={prepared ? 'ready' : 'starting'}
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
      <Briefing scenario={scenario} mode={mode} open={!reply.done} />

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
          {waiting ? (
            <p className="note" role="status" data-testid="preparing">
              {t('player.preparing')}
            </p>
          ) : null}
          {step.kind === 'entry' ? (
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <EntryForm
                key={`${step.id}-${formValue.key}`}
                step={step}
                values={formValue.value ?? view?.values}
                problem={problem}
                busy={busy}
                regionSource={regionSource}
                onSubmit={(input) => submitEntry(step, input)}
              />
            </Suspense>
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
          {delivery === null ? (
            <p role="status">{t('player.checkingDelivery')}</p>
          ) : (
            <p
              className={delivery.count === delivery.expected ? 'note' : 'note note-warn'}
              data-testid="delivery-check"
              data-ok={String(delivery.count === delivery.expected)}
            >
              {delivery.count === delivery.expected
                ? delivery.expected === 0
                  ? t('player.deliveredNone')
                  : t('player.deliveredOnce', { count: delivery.count })
                : t('player.deliveredWrong', {
                    count: delivery.count,
                    expected: delivery.expected,
                  })}
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
        newRecords={serverNew}
        onReset={() => {
          if (!window.confirm(t('drill.resetConfirm'))) return;
          void (async () => {
            const rt = await need(true);
            if (rt) {
              await rt.reset();
              await rt.saved();
            }
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
