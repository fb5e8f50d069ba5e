import spec from '@bosv2/contract/openapi.json';
import {
  createMockFetch,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  type MockFetch,
  type OpenApiDocument,
  type StoreState,
} from '@bosv2/mock';
import {
  type Client,
  type Credentials,
  createClient,
  memoryTokenStore,
  webStorageTokenStore,
} from '@bosv2/sdk';
import { createOutbox, type Outbox, type OutboxStorage } from '@bosv2/sdk/outbox';
import { indexedDbStorage } from '@bosv2/sdk/outbox/indexeddb';
import { type Drill, drillFaults, SimulatedNetwork } from './network.js';
import { indexedDbStateStore, type StateStore } from './state-store.js';

/** Where the simulated API answers: this page's own origin (nothing leaves the page). */
export const API_PATH = '/api/v2';

export type AccountRole = 'bhabinkamtibmas' | 'supervisor' | 'citizen' | 'trainer';

/** The synthetic account each role plays (the mock's demo accounts). */
export function credentialsFor(role: AccountRole): Credentials {
  switch (role) {
    case 'bhabinkamtibmas':
      return { nrp: DEMO_ACCOUNTS.officer.nrp, password: DEMO_ACCOUNTS.officer.password };
    case 'supervisor':
      return { nrp: DEMO_ACCOUNTS.supervisor.nrp, password: DEMO_ACCOUNTS.supervisor.password };
    case 'trainer':
      return { nrp: DEMO_ACCOUNTS.trainer.nrp, password: DEMO_ACCOUNTS.trainer.password };
    case 'citizen':
      return { email: DEMO_ACCOUNTS.citizen.email, password: DEMO_ACCOUNTS.citizen.password };
  }
}

export interface RuntimeOptions {
  seed: number;
  /** The page's origin (`location.origin`). */
  origin: string;
  locale?: 'id' | 'en';
  outboxStorage?: OutboxStorage;
  stateStore?: StateStore;
  network?: SimulatedNetwork;
  /** Keeps the session across reloads; memory when absent. */
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * Everything a training session talks to: the mock server in the page (seeded, its state saved
 * on the device after every write so a reload keeps it), the SDK client on top of it, and the
 * SDK's durable outbox. The drill switches the mock's faults and the simulated signal.
 */
export class SandboxRuntime {
  readonly mock: MockFetch;
  readonly client: Client<typeof import('@bosv2/sdk').operations>;
  /**
   * The same API with the same session, but past the simulated signal: the sandbox uses it to
   * prepare a scenario (never for what the trainee sends).
   */
  readonly setup: Client<typeof import('@bosv2/sdk').operations>;
  readonly outbox: Outbox;
  readonly network: SimulatedNetwork;
  readonly seed: number;
  readonly #state: StateStore;
  #saving: Promise<void> = Promise.resolve();
  #saveQueued = false;
  #role: AccountRole | null = null;
  #armed: string | null = null;
  readonly #baseUrl: string;

  constructor(options: RuntimeOptions) {
    this.seed = options.seed;
    this.network = options.network ?? new SimulatedNetwork();
    this.#state = options.stateStore ?? indexedDbStateStore();
    this.mock = createMockFetch({
      spec: spec as unknown as OpenApiDocument,
      seed: options.seed,
      baseUrl: options.origin,
      validateResponses: 'off',
    });
    const mock = this.mock;
    const save = () => this.#scheduleSave();
    const recording: typeof fetch = async (input, init) => {
      let request = new Request(input, init);
      const write = request.method !== 'GET' && request.method !== 'HEAD';
      if (write && this.#armed) {
        const headers = new Headers(request.headers);
        headers.set('x-mock-fault', this.#armed);
        this.#armed = null;
        request = new Request(request, { headers });
      }
      try {
        return await mock(request);
      } finally {
        if (write) save();
      }
    };
    const store = options.sessionStorage
      ? webStorageTokenStore(options.sessionStorage, 'latihan-bos-v2.session')
      : memoryTokenStore();
    this.#baseUrl = `${options.origin}${API_PATH}`;
    const common = {
      baseUrl: this.#baseUrl,
      locale: options.locale ?? 'id',
      retry: 0,
      timeoutMs: 15_000,
      auth: { store },
    } as const;
    this.client = createClient({ ...common, fetch: this.network.wrap(recording) });
    this.setup = createClient({ ...common, fetch: recording });
    this.outbox = createOutbox({
      client: this.client,
      storage: options.outboxStorage ?? indexedDbStorage({ name: 'latihan-bos-v2-outbox' }),
      online: this.network,
      backoff: { baseMs: 1000, maxMs: 8000 },
    });
  }

  /** Restores the saved server state for this seed (if any) and starts the outbox. */
  async start(): Promise<void> {
    const saved = await this.#state.load().catch(() => undefined);
    if (saved && saved.seed === this.seed) {
      try {
        this.mock.engine.restore(saved);
      } catch (error) {
        // A state this version cannot read: start from the seeded world rather than not at all.
        console.warn('Latihan BOS V2: the saved practice server could not be restored.', error);
      }
    }
    this.applyDrill(this.network.drill);
    await this.outbox.start();
  }

  get drill(): Drill {
    return this.network.drill;
  }

  /** Switches a drill on (or back to normal). */
  applyDrill(drill: Drill): void {
    const fault = drillFaults(drill);
    this.mock.engine.setFaults(fault ? [{ text: fault }] : []);
    this.network.drill = drill;
  }

  /** Logs in as the role's synthetic account unless that session is already there. */
  async loginAs(role: AccountRole): Promise<void> {
    const tokens = await this.client.session.get();
    if (this.#role === role && tokens) return;
    await this.setup.login(credentialsFor(role));
    this.#role = role;
  }

  /**
   * Prepares the simulated server for a new attempt: a fresh seeded world (unless the outbox
   * still holds reports that must reach the current one), the role's session, and for an officer
   * the scenario's desa in the assigned area (BOS V2 refuses reports from outside it).
   */
  async beginAttempt(role: AccountRole, desaCode?: string): Promise<void> {
    // The preparation is not part of the drill: the trainee may have switched a drill on
    // before the runtime started (it starts in the background), and a failing or offline
    // server must not stop the sign-in. The drill applies again when the preparation ends.
    this.mock.engine.setFaults([]);
    try {
      const snapshot = this.outbox.getSnapshot();
      if (snapshot.pending === 0) {
        // Sent entries are done; refused ones belong to an earlier attempt's world.
        for (const entry of snapshot.entries) await this.outbox.remove(entry.id);
        this.mock.engine.reset(this.seed);
        this.#role = null;
        await this.client.session.set(null);
      }
      if (role === 'bhabinkamtibmas' && desaCode) await this.#officerOf(desaCode);
      else await this.loginAs(role);
    } finally {
      this.applyDrill(this.network.drill);
      this.#scheduleSave();
    }
  }

  /**
   * Signs in as an officer who may report from `desaCode`: the demo officer, with the desa added
   * to the assigned area when it lies in his Polsek; else the desa's own (synthetic) officer.
   */
  async #officerOf(desaCode: string): Promise<void> {
    await this.loginAs('bhabinkamtibmas');
    if (
      await this.#assign(desaCode).then(
        () => true,
        () => false,
      )
    )
      return;
    const lookup = createClient({
      baseUrl: this.#baseUrl,
      fetch: (input, init) => this.mock(input, init),
      retry: 0,
    });
    await lookup.login(credentialsFor('trainer'));
    const { data } = await lookup.request('listOfficers', {
      query: { desaCode, role: 'bhabinkamtibmas', limit: 1 },
    });
    const nrp = (data as { items?: { nrp: string }[] }).items?.[0]?.nrp;
    if (!nrp) return;
    await this.setup.login({ nrp, password: DEMO_PASSWORD });
    this.#role = null;
  }

  async #assign(desaCode: string): Promise<void> {
    const officerId = DEMO_ACCOUNTS.officer.id;
    const { data, response } = await this.setup.request('getAssignments', { path: { officerId } });
    const current = ((data as { items?: { desaCode: string }[] }).items ?? []).map(
      (a) => a.desaCode,
    );
    if (current.includes(desaCode)) return;
    await this.setup.request('replaceAssignments', {
      path: { officerId },
      headers: { 'If-Match': response.headers.get('etag') ?? '*' },
      body: { desaCodes: [...current, desaCode].slice(-10) },
    });
  }

  /**
   * Makes the simulated server apply `fault` (its fault grammar, e.g. `drop-after-write`) to the
   * next write request only: the scenario's lost answer or server error, on the real stack.
   */
  armFault(fault: string): void {
    this.#armed = fault;
  }

  /** How many records the simulated server holds (reports of every kind, and accounts). */
  recordCount(): number {
    // Counted in place (every collection seeded, as a snapshot would): no copy of the world.
    const store = this.mock.engine.store;
    store.seedAll();
    const collections = Object.values(store.state.collections).reduce(
      (n, c) => n + Object.keys(c).length,
      0,
    );
    return collections + Object.keys(store.state.users).length;
  }

  /** Ids of the records in a collection of the simulated server (`activities`, ...). */
  recordIds(collection: string): string[] {
    const store = this.mock.engine.store;
    store.seedAll();
    return Object.keys(store.state.collections[collection] ?? {});
  }

  /** Starts clean: the seeded server state, an empty outbox, no drill. */
  async reset(): Promise<void> {
    for (const entry of this.outbox.getSnapshot().entries) await this.outbox.remove(entry.id);
    this.mock.engine.reset(this.seed);
    this.applyDrill('normal');
    this.#role = null;
    await this.client.session.set(null);
    await this.#state.clear();
  }

  /** Resolves once the latest server state is on the device. */
  saved(): Promise<void> {
    return this.#saving;
  }

  /**
   * Saves the server's state after a write. Writes that come while a save is queued share the
   * next one, which copies the state when it runs; collections never read are not generated
   * just to be saved (a reload seeds them from the seed when first read).
   */
  #scheduleSave(): void {
    if (this.#saveQueued) return;
    this.#saveQueued = true;
    this.#saving = this.#saving
      .then(() => {
        this.#saveQueued = false;
        const state: StoreState = this.mock.engine.snapshot({ complete: false });
        return this.#state.save(state);
      })
      .catch(() => undefined);
  }
}
