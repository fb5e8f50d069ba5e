import type { OnlineSignal } from '@bosv2/sdk/outbox';

/** The drills a trainee (or a scenario) can switch on: the study's bad network and failing server. */
export const DRILLS = ['normal', 'offline', 'server-error', 'slow'] as const;
export type Drill = (typeof DRILLS)[number];

/** The mock's fault rule (its fault grammar) for each drill; `normal` has none. */
export function drillFaults(drill: Drill): string | null {
  switch (drill) {
    case 'normal':
      return null;
    case 'offline':
      return 'offline';
    case 'server-error':
      return '5xx=503';
    case 'slow':
      return 'latency=normal(2500,500)';
  }
}

/**
 * The network as the sandbox sees it: the device's signal (`navigator.onLine`) and the drill.
 * The simulated server runs inside the page, so a browser that went offline would still reach
 * it; this makes "no signal" mean no server, as in the field.
 */
export class SimulatedNetwork implements OnlineSignal {
  #drill: Drill = 'normal';
  readonly #listeners = new Set<(online: boolean) => void>();
  readonly #device: () => boolean;

  constructor(device: () => boolean = () => globalThis.navigator?.onLine !== false) {
    this.#device = device;
    globalThis.addEventListener?.('online', () => this.#emit());
    globalThis.addEventListener?.('offline', () => this.#emit());
  }

  get drill(): Drill {
    return this.#drill;
  }

  set drill(drill: Drill) {
    this.#drill = drill;
    this.#emit();
  }

  isOnline(): boolean {
    return this.#device() && this.#drill !== 'offline';
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    const online = this.isOnline();
    for (const listener of this.#listeners) listener(online);
  }

  /** A fetch that fails like a dropped connection while there is no network. */
  wrap(inner: typeof fetch): typeof fetch {
    return ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!this.isOnline()) {
        return Promise.reject(new TypeError('Failed to fetch (no signal)'));
      }
      return inner(input, init);
    }) as typeof fetch;
  }
}
