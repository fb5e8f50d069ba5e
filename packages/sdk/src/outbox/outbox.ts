import type { ClientCore, RequestInput } from '../client.js';
import type { Problem } from '../errors/ApiError.js';
import type { OperationInfo } from '../operation.js';
import type { InputOf } from '../types.js';
import { uuid } from '../uuid.js';
import { memoryStorage } from './memory.js';

/**
 * `queued` → `sending` → `sent`; or `failed` when the server refused the write (a 4xx other than
 * 408/429: the user must fix something). A transient failure puts the entry back to `queued`.
 */
export type EntryState = 'queued' | 'sending' | 'sent' | 'failed';

/** One write in the outbox, as it is stored. */
export interface OutboxEntry {
  /** The local id, known before the server has seen the write. */
  id: string;
  /** Order of sending (first in, first out). */
  seq: number;
  operationId: string;
  input: RequestInput;
  /** Fixed at enqueue time and sent on every attempt, so the server stores the write once. */
  idempotencyKey: string;
  state: EntryState;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** When the next attempt may start (after a transient failure). */
  nextAttemptAt?: number;
  /** Why the last attempt failed (`failed` entries: why the server refused it). */
  error?: { name: string; message: string; status?: number; problem?: Problem };
  /** The server's answer, once `sent`. */
  result?: unknown;
  sentAt?: number;
}

/**
 * Where entries live between restarts. Every write must be durable when its promise resolves.
 * Adapters: {@link memoryStorage}, `indexedDbStorage` (`@bosv2/sdk/outbox/indexeddb`) and
 * `fileStorage` (`@bosv2/sdk/outbox/file`).
 */
export interface OutboxStorage {
  load(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Tells the outbox whether the device is online; injectable for tests and native apps. */
export interface OnlineSignal {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

/** The state a UI shows: how many writes wait, each entry's state, the last good sync. */
export interface OutboxSnapshot {
  /** Entries still to deliver (`queued` + `sending`). */
  pending: number;
  /** Entries the server refused; they wait for `retry()` or `remove()`. */
  failed: number;
  entries: readonly OutboxEntry[];
  /** When the server last confirmed a write (ms since epoch), or null. */
  lastSuccessfulSync: number | null;
  online: boolean;
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** The client that sends the writes (`createClient(...)`). */
  client: Pick<ClientCore, 'request'>;
  /** Default: memory (lost on reload; use IndexedDB or a file for real apps). */
  storage?: OutboxStorage;
  /** Default: `navigator.onLine` and the window's online/offline events, else always online. */
  online?: OnlineSignal;
  /** Backoff between attempts of one entry: base · 2^(attempts-1), full jitter, capped. */
  backoff?: { baseMs?: number; maxMs?: number; random?: () => number };
  /** Timeout of one attempt, in ms. Default: the client's. */
  timeoutMs?: number;
  /** How many `sent` entries to keep for the UI; older ones are deleted. Default 20. */
  retainSent?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Errors of background flushes (a storage that cannot write); they are retried later. */
  onError?: (error: unknown) => void;
}

/** A durable queue of writes that delivers each exactly once. */
export interface Outbox {
  /** Loads the stored entries, resumes interrupted sends and starts flushing. */
  start(): Promise<void>;
  /**
   * Stores a write and returns its entry once it is safe on local storage; it never waits for
   * the network. Sending starts in the background.
   */
  enqueue<M extends { operation: OperationInfo }>(
    method: M,
    input: InputOf<M>,
  ): Promise<OutboxEntry>;
  enqueue(operationId: string, input: RequestInput): Promise<OutboxEntry>;
  /** Sends what can be sent now; resolves when nothing more can be done right now. */
  flush(): Promise<void>;
  /** Queues a failed entry again, optionally with corrected input. */
  retry(id: string, input?: RequestInput): Promise<void>;
  /** Deletes an entry (a failed one the user gave up on, or a sent one). */
  remove(id: string): Promise<void>;
  getSnapshot(): OutboxSnapshot;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: OutboxSnapshot) => void): () => void;
  /** Stops timers and listeners; stored entries stay for the next start. */
  stop(): void;
}

function browserOnline(): OnlineSignal {
  const g = globalThis as unknown as {
    navigator?: { onLine?: boolean };
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
  };
  if (typeof g.navigator?.onLine !== 'boolean' || !g.addEventListener) {
    return { isOnline: () => true, subscribe: () => () => {} };
  }
  return {
    isOnline: () => g.navigator?.onLine !== false,
    subscribe(listener) {
      const on = () => listener(true);
      const off = () => listener(false);
      g.addEventListener?.('online', on);
      g.addEventListener?.('offline', off);
      return () => {
        g.removeEventListener?.('online', on);
        g.removeEventListener?.('offline', off);
      };
    },
  };
}

/** A 4xx the user must fix; 408 and 429 are transient, and AuthError waits for a new login. */
function permanent(error: unknown): boolean {
  const e = error as { name?: string; status?: number };
  if (e?.name === 'ApiError')
    return e.status !== undefined && e.status < 500 && e.status !== 408 && e.status !== 429;
  return !['NetworkError', 'TimeoutError', 'AuthError'].includes(e?.name ?? '');
}

function retryAfterMs(error: unknown): number {
  const header = (error as { response?: Response }).response?.headers?.get('retry-after');
  if (!header) return 0;
  const seconds = Number(header);
  return Number.isNaN(seconds) ? Math.max(0, Date.parse(header) - Date.now()) : seconds * 1000;
}

const describe = (error: unknown): OutboxEntry['error'] => {
  const e = error as { name?: string; message?: string; status?: number; problem?: Problem };
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(error),
    ...(e?.status !== undefined && { status: e.status }),
    ...(e?.problem && { problem: e.problem }),
  };
};

/**
 * Makes an outbox: writes are stored first, then delivered in order, exactly once, whatever the
 * network does.
 *
 * @example
 * const outbox = createOutbox({ client, storage: indexedDbStorage() });
 * await outbox.start();
 * const entry = await outbox.enqueue(client.activities.create, { body: activity });
 * outbox.subscribe(({ pending, lastSuccessfulSync }) => render(pending, lastSuccessfulSync));
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const storage = options.storage ?? memoryStorage();
  const online = options.online ?? browserOnline();
  const now = options.now ?? Date.now;
  const baseMs = options.backoff?.baseMs ?? 1000;
  const maxMs = options.backoff?.maxMs ?? 5 * 60_000;
  const random = options.backoff?.random ?? Math.random;
  const retainSent = options.retainSent ?? 20;
  const entries = new Map<string, OutboxEntry>();
  const listeners = new Set<(s: OutboxSnapshot) => void>();
  let lastSync: number | null = null;
  let seq = 0;
  let started: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;

  const sorted = () => [...entries.values()].sort((a, b) => a.seq - b.seq);

  function snapshot(): OutboxSnapshot {
    const list = sorted();
    return {
      pending: list.filter((e) => e.state === 'queued' || e.state === 'sending').length,
      failed: list.filter((e) => e.state === 'failed').length,
      entries: list.map((e) => ({ ...e })),
      lastSuccessfulSync: lastSync,
      online: online.isOnline(),
    };
  }

  const emit = () => {
    if (!listeners.size) return;
    const s = snapshot();
    for (const l of listeners) l(s);
  };

  /** Changes an entry in storage first, then in memory, so memory never runs ahead of disk. */
  async function save(entry: OutboxEntry, patch: Partial<OutboxEntry>) {
    const next = { ...entry, ...patch, updatedAt: now() };
    await storage.put(next);
    Object.assign(entry, next);
    emit();
  }

  async function prune() {
    const sent = sorted().filter((e) => e.state === 'sent');
    for (const e of sent.slice(0, Math.max(0, sent.length - retainSent))) {
      entries.delete(e.id);
      await storage.delete(e.id);
    }
  }

  function schedule(at: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, at - now()));
  }

  /** A flush nobody awaits: report its error and try again after a backoff. */
  function kick() {
    flush().catch((error) => {
      options.onError?.(error);
      schedule(now() + Math.max(baseMs, 1000));
    });
  }

  async function drain() {
    while (!stopped && online.isOnline()) {
      // First in, first out: later writes may depend on earlier ones (create, then submit).
      const head = sorted().find((e) => e.state === 'queued');
      if (!head) return;
      if ((head.nextAttemptAt ?? 0) > now()) return schedule(head.nextAttemptAt ?? 0);
      await save(head, { state: 'sending', attempts: head.attempts + 1 });
      try {
        const { data } = await options.client.request(head.operationId, head.input, {
          idempotencyKey: head.idempotencyKey,
          retry: 0,
          ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
        });
        lastSync = now();
        await save(head, {
          state: 'sent',
          result: data,
          sentAt: lastSync,
          error: undefined,
          nextAttemptAt: undefined,
        });
        await prune();
      } catch (error) {
        if (permanent(error)) {
          await save(head, { state: 'failed', error: describe(error), nextAttemptAt: undefined });
          continue;
        }
        const backoff = Math.min(maxMs, baseMs * 2 ** (head.attempts - 1)) * random();
        await save(head, {
          state: 'queued',
          error: describe(error),
          nextAttemptAt: now() + Math.max(backoff, retryAfterMs(error)),
        });
      }
    }
  }

  function flush(): Promise<void> {
    again = true;
    running ??= (async () => {
      await start();
      while (again) {
        again = false;
        await drain();
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  function start(): Promise<void> {
    started ??= (async () => {
      stopped = false;
      for (const e of await storage.load()) {
        entries.set(e.id, e);
        seq = Math.max(seq, e.seq);
        if (e.sentAt) lastSync = Math.max(lastSync ?? 0, e.sentAt);
        // A crash between send and confirmation: the outcome is unknown, so send again with the
        // same Idempotency-Key; the server answers with the first result if it stored it.
        if (e.state === 'sending') await save(e, { state: 'queued' });
      }
      unsubscribe = online.subscribe((isOnline) => {
        emit();
        if (isOnline) kick();
      });
      emit();
      kick();
    })();
    return started;
  }

  async function enqueue(
    operation: string | { operation: OperationInfo },
    input: RequestInput,
  ): Promise<OutboxEntry> {
    await start();
    const t = now();
    const entry: OutboxEntry = {
      id: uuid(),
      seq: ++seq,
      operationId: typeof operation === 'string' ? operation : operation.operation.id,
      input,
      idempotencyKey: uuid(),
      state: 'queued',
      attempts: 0,
      createdAt: t,
      updatedAt: t,
    };
    await storage.put(entry);
    entries.set(entry.id, entry);
    emit();
    kick();
    return { ...entry };
  }

  return {
    start,
    enqueue: enqueue as Outbox['enqueue'],
    flush,
    async retry(id, input) {
      const entry = entries.get(id);
      if (entry?.state !== 'failed') return;
      // The server refused the old input and stored nothing, so new input gets a new key.
      const patch: Partial<OutboxEntry> = { state: 'queued', error: undefined, attempts: 0 };
      if (input) Object.assign(patch, { input, idempotencyKey: uuid() });
      await save(entry, patch);
      kick();
    },
    async remove(id) {
      const entry = entries.get(id);
      if (!entry || entry.state === 'sending') return;
      entries.delete(id);
      await storage.delete(id);
      emit();
    },
    getSnapshot: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      listener(snapshot());
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      started = undefined;
    },
  };
}
