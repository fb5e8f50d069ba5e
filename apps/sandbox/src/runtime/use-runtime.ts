import type { OutboxSnapshot } from '@bosv2/sdk/outbox';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { readSeed } from '../state/settings.js';
import { type Drill, SimulatedNetwork } from './network.js';
import type { SandboxRuntime } from './runtime.js';

// One runtime per page, loaded in the background: the mock, the contract's validators, faker and
// the SDK are a separate chunk whose start (seeding the simulated world, compiling validators)
// costs seconds of main thread on a cheap phone. The player is on screen before any of it; the
// runtime starts on the trainee's first interaction, when the page has been idle a while, or
// when an action needs it (`getRuntime()`), whichever comes first.

/** After the player is on screen, how long the page waits for a first interaction. */
export const IDLE_START_MS = 4000;

let network: SimulatedNetwork | undefined;

/**
 * The page's simulated network (the device's signal and the drill). It exists before the
 * runtime, so the player shows the signal and takes a drill at once; the runtime uses it.
 */
export function sandboxNetwork(): SimulatedNetwork {
  network ??= new SimulatedNetwork();
  return network;
}

let runtime: Promise<SandboxRuntime> | undefined;
let started: SandboxRuntime | null = null;
const startListeners = new Set<() => void>();

/** Starts the runtime now (once per page) and resolves when it is ready. */
export function getRuntime(): Promise<SandboxRuntime> {
  runtime ??= import('./runtime.js').then(async ({ SandboxRuntime }) => {
    const created = new SandboxRuntime({
      seed: readSeed(),
      origin: location.origin,
      sessionStorage: localStorage,
      locale: document.documentElement.lang === 'en' ? 'en' : 'id',
      network: sandboxNetwork(),
    });
    await created.start();
    started = created;
    for (const listener of startListeners) listener();
    return created;
  });
  return runtime;
}

/** The runtime if it has started, else null (nothing is started by asking). */
export function startedRuntime(): SandboxRuntime | null {
  return started;
}

/** Calls `listener` once the runtime has started (at once if it has). */
export function onRuntimeStarted(listener: () => void): () => void {
  if (started) {
    listener();
    return () => {};
  }
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

export interface StartSchedule {
  /** Where the first interaction is heard (`window`). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** How long to wait for an interaction before starting anyway. */
  idleMs: number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` when the main thread is idle (`requestIdleCallback`, or a timer without it). */
  whenIdle(fn: () => void): void;
}

const INTERACTIONS = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Calls `start` once: just after the first interaction on `target` (after its handlers and
 * paint, so the tap answers first), or once the page has been idle for `idleMs`. Answers a
 * function that cancels whatever has not happened yet.
 */
export function scheduleStart(start: () => void, schedule: StartSchedule): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    cancel();
    done = true;
    start();
  };
  const onInteraction = () => {
    // Let the tap's own work (and its paint) go first.
    schedule.setTimeout(fire, 0);
  };
  const timer = schedule.setTimeout(() => schedule.whenIdle(fire), schedule.idleMs);
  for (const type of INTERACTIONS) {
    schedule.target.addEventListener(type, onInteraction, { capture: true, passive: true });
  }
  function cancel() {
    schedule.clearTimeout(timer);
    for (const type of INTERACTIONS) {
      schedule.target.removeEventListener(type, onInteraction, { capture: true });
    }
  }
  return () => {
    done = true;
    cancel();
  };
}

/** The browser's schedule: `window`, its timers and `requestIdleCallback`. */
export function browserSchedule(idleMs = IDLE_START_MS): StartSchedule {
  return {
    target: window,
    idleMs,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    whenIdle: (fn) => {
      if (typeof window.requestIdleCallback === 'function') {
        window.requestIdleCallback(fn, { timeout: 2000 });
      } else window.setTimeout(fn, 0);
    },
  };
}

/**
 * The runtime once it has started (null before). It is started in the background after the
 * caller is on screen (see `scheduleStart`), or at once with `eager` (reports may be waiting).
 */
export function useRuntime(eager = false): SandboxRuntime | null {
  const [value, setValue] = useState<SandboxRuntime | null>(startedRuntime);
  useEffect(() => onRuntimeStarted(() => setValue(startedRuntime())), []);
  useEffect(() => {
    if (startedRuntime()) return;
    if (eager) {
      void getRuntime();
      return;
    }
    return scheduleStart(() => void getRuntime(), browserSchedule());
  }, [eager]);
  return value;
}

/** The outbox's state, re-rendered on every change (its snapshots are new objects each time). */
export function useOutbox(runtime: SandboxRuntime | null): OutboxSnapshot | null {
  const [snapshot, setSnapshot] = useState<OutboxSnapshot | null>(null);
  useEffect(() => (runtime ? runtime.outbox.subscribe(setSnapshot) : undefined), [runtime]);
  return snapshot;
}

/** Whether the simulated network is up (device signal and drill); works before the runtime. */
export function useNetworkOnline(): boolean {
  const net = sandboxNetwork();
  return useSyncExternalStore(
    (listener) => net.subscribe(() => listener()),
    () => net.isOnline(),
    () => true,
  );
}

/** The drill the simulated network is in (the trainee's, a scenario's or the trainer's). */
export function useDrill(): Drill {
  const net = sandboxNetwork();
  return useSyncExternalStore(
    (listener) => net.subscribe(() => listener()),
    () => net.drill,
    () => 'normal',
  );
}
