import type {
  IdempotencyRecord,
  ResourceRecord,
  StoreState,
  UnitRecord,
  UserRecord,
} from './types.js';

/**
 * Idempotency records are kept in two generations of this many keys each: a key is remembered
 * for at least this many later writes (at most twice as many), and rotating is O(1), with no
 * pause to find and delete the oldest keys one by one.
 */
export const IDEMPOTENCY_GENERATION = 10_000;

/**
 * One in-memory store with the domain's relations: units form a tree (Mabes → Polda → Polres →
 * Polsek); officers belong to a unit and are assigned desa; reports belong to an officer (and
 * their unit) or a citizen. Collections are filled lazily by their seeders, so the server answers
 * its first request before it has simulated months of reports.
 */
export class Store {
  state: StoreState;
  private byNrp = new Map<string, string>();
  private byEmail = new Map<string, string>();
  private seeders = new Map<string, (store: Store) => void>();
  private seeded = new Set<string>();
  /** Keys in `state.idempotency` (counted on load, then kept up to date). */
  private idempotencyCount = 0;

  constructor(state: StoreState) {
    this.state = state;
    this.reindex();
  }

  /** Replaces the whole state (restore from a file, `PUT /__mock/state`). */
  replace(state: StoreState): void {
    this.state = state;
    // Restored collections are complete as saved: do not seed them again.
    this.seeded = new Set(Object.keys(state.collections));
    this.reindex();
  }

  /** The first answer given for an idempotency key, if it is still remembered. */
  idempotent(key: string): IdempotencyRecord | undefined {
    return this.state.idempotency[key] ?? this.state.idempotencyPrevious?.[key];
  }

  /** Remembers the first answer for an idempotency key (bounded, see IDEMPOTENCY_GENERATION). */
  rememberIdempotent(key: string, record: IdempotencyRecord): void {
    const current = this.state.idempotency;
    if (current[key] === undefined) {
      if (this.idempotencyCount >= IDEMPOTENCY_GENERATION) {
        this.state.idempotencyPrevious = current;
        this.state.idempotency = {};
        this.idempotencyCount = 0;
      }
      this.idempotencyCount++;
    }
    this.state.idempotency[key] = record;
  }

  /** Bhabinkamtibmas by assigned desa; rebuilt after users or assignments change. */
  private officersByDesa: Map<string, UserRecord[]> | undefined;

  /** The Bhabinkamtibmas assigned to a desa (an index: citizen reports look this up on create). */
  officersOfDesa(desaCode: string): readonly UserRecord[] {
    if (!this.officersByDesa) {
      const index = new Map<string, UserRecord[]>();
      for (const u of Object.values(this.state.users)) {
        if (u.role !== 'bhabinkamtibmas') continue;
        for (const a of u.assignments) {
          const list = index.get(a.desaCode) ?? [];
          if (!list.includes(u)) list.push(u);
          index.set(a.desaCode, list);
        }
      }
      this.officersByDesa = index;
    }
    return this.officersByDesa.get(desaCode) ?? [];
  }

  /** Call after changing an officer's assignments. */
  assignmentsChanged(): void {
    this.officersByDesa = undefined;
  }

  private reindex(): void {
    // A state saved by hand may lack the records: start with none rather than fail on a create.
    this.state.idempotency ??= {};
    this.idempotencyCount = Object.keys(this.state.idempotency).length;
    this.officersByDesa = undefined;
    this.byNrp.clear();
    this.byEmail.clear();
    for (const u of Object.values(this.state.users)) this.index(u);
  }

  private index(u: UserRecord): void {
    if (u.nrp) this.byNrp.set(u.nrp, u.id);
    if (u.email) this.byEmail.set(u.email.toLowerCase(), u.id);
  }

  registerSeeder(collection: string, seeder: (store: Store) => void): void {
    this.seeders.set(collection, seeder);
  }

  /** The records of a collection, seeding it first if it has a seeder and was never seeded. */
  collection(name: string): Record<string, ResourceRecord> {
    let c = this.state.collections[name];
    if (!c) {
      c = {};
      this.state.collections[name] = c;
    }
    if (!this.seeded.has(name)) {
      this.seeded.add(name);
      this.seeders.get(name)?.(this);
    }
    return c;
  }

  /** Seeds every collection now (before saving the state, for instance). */
  seedAll(): void {
    for (const name of this.seeders.keys()) this.collection(name);
  }

  /** The next number of a sequence (tracking codes): 1, 2, 3, ... saved with the state. */
  nextNumber(name: string): number {
    this.state.counters ??= {};
    const next = (this.state.counters[name] ?? 0) + 1;
    this.state.counters[name] = next;
    return next;
  }

  put(collection: string, record: ResourceRecord): void {
    this.collection(collection)[record.id] = record;
  }

  user(id: string): UserRecord | undefined {
    return this.state.users[id];
  }

  userByNrp(nrp: string): UserRecord | undefined {
    const id = this.byNrp.get(nrp);
    return id ? this.state.users[id] : undefined;
  }

  userByEmail(email: string): UserRecord | undefined {
    const id = this.byEmail.get(email.toLowerCase());
    return id ? this.state.users[id] : undefined;
  }

  addUser(u: UserRecord): void {
    this.state.users[u.id] = u;
    this.officersByDesa = undefined;
    this.index(u);
  }

  unit(id: string): UnitRecord | undefined {
    return this.state.units[id];
  }

  /** The unit and every unit under it. */
  unitsUnder(id: string): Set<string> {
    const out = new Set<string>([id]);
    let grew = true;
    const units = Object.values(this.state.units);
    while (grew) {
      grew = false;
      for (const u of units) {
        if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
          out.add(u.id);
          grew = true;
        }
      }
    }
    return out;
  }

  /** May this user see what belongs to `unitId` / `ownerId`? (the role scoping of reports) */
  canSee(user: UserRecord, record: { ownerId: string | null; unitId: string | null }): boolean {
    switch (user.role) {
      case 'admin':
      case 'trainer':
        return true;
      case 'supervisor':
        return (
          record.unitId !== null &&
          user.unitId !== undefined &&
          this.unitsUnder(user.unitId).has(record.unitId)
        );
      default:
        return record.ownerId === user.id;
    }
  }

  toJSON(): StoreState {
    return this.state;
  }
}
