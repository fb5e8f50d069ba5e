import { createClientFor, memoryTokenStore } from '@bosv2/sdk';
import {
  createOutbox,
  type OnlineSignal,
  type Outbox,
  type OutboxSnapshot,
  type OutboxStorage,
} from '@bosv2/sdk/outbox';
import type { Scenario, XapiStatement } from '@bosv2/training';
import { toClassroomEvent } from './events.js';
import type { ClassroomHandoff } from './handoff.js';

/** At most this many events per request (the server takes 500). */
const BATCH = 100;

/** What the sandbox shows of the classroom: who, which session, what still waits to be sent. */
export interface ClassroomStatus {
  name: string;
  sessionName: string | undefined;
  modules: readonly string[];
  /** Records waiting in the outbox for the classroom server. */
  pending: number;
  /** Records the server refused (a closed or deleted session, a bad record). */
  failed: number;
  lastSuccessfulSync: number | null;
  /** The trainer's class-wide drill (`NONE`, `OFFLINE`, `SERVER_ERROR`, `SLOW`). */
  drill: string;
  /** `OPEN` or `CLOSED` once the trainer closed the session. */
  sessionStatus: string;
}

export interface ClassroomLinkOptions {
  handoff: ClassroomHandoff;
  /** The page's origin (the classroom server serves the sandbox). */
  origin: string;
  /** Where queued records live between reloads (IndexedDB in the page). */
  storage: OutboxStorage;
  fetch?: typeof fetch;
  online?: OnlineSignal;
  /** Finds a scenario by id, to name the field of each mistake. */
  scenarioOf?: (id: string) => Scenario | undefined;
  /** Opens the server-sent event stream of the trainer's drills (EventSource in the page). */
  openStream?: (url: string) => EventSourceLike | null;
  backoff?: { baseMs?: number; maxMs?: number; random?: () => number };
}

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/**
 * Sends the trainee's learning records to the classroom server through the SDK's durable
 * outbox: a phone that loses the hall's Wi-Fi keeps them on the device and delivers each once
 * when the network is back (the server stores an event id once, so a repeat is harmless).
 */
export class ClassroomLink {
  readonly outbox: Outbox;
  readonly #options: ClassroomLinkOptions;
  readonly #sent = new Set<string>();
  readonly #listeners = new Set<(status: ClassroomStatus) => void>();
  #snapshot: OutboxSnapshot | null = null;
  #drill = 'NONE';
  #sessionStatus = 'OPEN';
  #stream: EventSourceLike | null = null;
  #unsubscribe: (() => void) | undefined;
  readonly #drillListeners = new Set<(drill: string) => void>();

  constructor(options: ClassroomLinkOptions) {
    this.#options = options;
    const { handoff } = options;
    const table = {
      sendTraineeEvents: {
        id: 'sendTraineeEvents',
        method: 'POST',
        path: handoff.eventsUrl,
        group: 'classroom',
        name: 'sendEvents',
        idempotencyKey: true,
      },
    } as const;
    const client = createClientFor(table, {
      baseUrl: options.origin,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      auth: { store: memoryTokenStore({ accessToken: handoff.token }) },
      retry: false,
      timeoutMs: 15_000,
    });
    this.outbox = createOutbox({
      client,
      storage: options.storage,
      ...(options.online ? { online: options.online } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      retainSent: 5,
    });
  }

  async start(): Promise<void> {
    this.#unsubscribe = this.outbox.subscribe((snapshot) => {
      this.#snapshot = snapshot;
      for (const entry of snapshot.entries) {
        for (const e of (entry.input.body as { events?: { id: string }[] } | undefined)?.events ??
          []) {
          this.#sent.add(e.id);
        }
      }
      this.#emit();
    });
    await this.outbox.start();
    const stream = this.#options.openStream?.(
      `${this.#options.origin}/api/classroom/trainee/stream`,
    );
    if (stream) {
      this.#stream = stream;
      stream.addEventListener('state', (event) => {
        try {
          const state = JSON.parse(String(event.data)) as { drill?: string; status?: string };
          if (typeof state.status === 'string') this.#sessionStatus = state.status;
          if (typeof state.drill === 'string' && state.drill !== this.#drill) {
            this.#drill = state.drill;
            for (const listener of this.#drillListeners) listener(state.drill);
          }
          this.#emit();
        } catch {
          // A malformed message changes nothing.
        }
      });
    }
  }

  /**
   * Queues the records not sent yet (by statement id) and returns once they are stored on the
   * device; delivery happens in the background.
   */
  async send(statements: readonly XapiStatement[]): Promise<number> {
    const fresh = statements.filter((s) => !this.#sent.has(s.id));
    if (fresh.length === 0) return 0;
    for (const s of fresh) this.#sent.add(s.id);
    const events = fresh.map((s) => toClassroomEvent(s, this.#options.scenarioOf));
    for (let i = 0; i < events.length; i += BATCH) {
      await this.outbox.enqueue('sendTraineeEvents', {
        body: { events: events.slice(i, i + BATCH) },
      });
    }
    return fresh.length;
  }

  /** The trainer's drill now, and on every change (the sandbox applies it to its network). */
  onDrill(listener: (drill: string) => void): () => void {
    this.#drillListeners.add(listener);
    listener(this.#drill);
    return () => this.#drillListeners.delete(listener);
  }

  status(): ClassroomStatus {
    const { handoff } = this.#options;
    return {
      name: handoff.name,
      sessionName: handoff.sessionName,
      modules: handoff.modules,
      pending: this.#snapshot?.pending ?? 0,
      failed: this.#snapshot?.failed ?? 0,
      lastSuccessfulSync: this.#snapshot?.lastSuccessfulSync ?? null,
      drill: this.#drill,
      sessionStatus: this.#sessionStatus,
    };
  }

  subscribe(listener: (status: ClassroomStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.status());
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#stream?.close();
    this.outbox.stop();
  }

  #emit(): void {
    const status = this.status();
    for (const listener of this.#listeners) listener(status);
  }
}
