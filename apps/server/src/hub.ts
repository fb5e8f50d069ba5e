import type { ServerResponse } from 'node:http';
import { type Board, buildBoard } from './board.js';
import type { Repository, StoredEvent, TrainingSession } from './store/types.js';

/** What a trainee's page needs to apply a class-wide drill. */
export function traineeState(session: TrainingSession) {
  return {
    sessionId: session.id,
    status: session.status,
    drill: session.drill,
    drillChangedAt: session.drillChangedAt,
  };
}

interface Channel {
  boards: Set<ServerResponse>;
  trainees: Set<ServerResponse>;
  lastBoard: string;
  lastState: string;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  again: boolean;
}

/**
 * Server-sent events: the trainer's live board and the trainees' drill state. Changes made in
 * this process are pushed within `debounceMs`; every `refreshMs` the store is read again, which
 * picks up changes made by other processes (PostgreSQL) and trainees becoming "stuck".
 */
const FULL_RELOAD_MS = 30_000;
const OVERLAP_MS = 10_000;
const CACHE_IDLE_MS = 10 * 60_000;

export class Hub {
  private readonly channels = new Map<string, Channel>();
  private readonly events = new Map<
    string,
    { byId: Map<string, StoredEvent>; horizon: string; fullAt: number; usedAt: number }
  >();
  private readonly interval: NodeJS.Timeout;
  private ticks = 0;

  constructor(
    private readonly repo: Repository,
    private readonly options: { stuckAfterMinutes: number; refreshMs: number; debounceMs: number },
  ) {
    this.interval = setInterval(() => this.tick(), options.refreshMs);
    this.interval.unref();
  }

  /**
   * The board of a session. Events never change once stored, so they are cached per session and
   * only those received since the last read (less a margin for writes still committing, and for
   * other processes' clocks) are read again; the whole list is read again every 30 s, and always
   * when `fresh` (exports).
   */
  async board(sessionId: string, options: { fresh?: boolean } = {}): Promise<Board | undefined> {
    const session = await this.repo.getSession(sessionId);
    if (!session) return undefined;
    const now = Date.now();
    let cache = this.events.get(sessionId);
    const trainees = await this.repo.listTrainees(sessionId);
    if (!cache || options.fresh || now - cache.fullAt > FULL_RELOAD_MS) {
      const all = await this.repo.listEvents(sessionId);
      cache = { byId: new Map(all.map((e) => [e.id, e])), horizon: '', fullAt: now, usedAt: now };
      for (const e of all) if (e.receivedAt > cache.horizon) cache.horizon = e.receivedAt;
      this.events.set(sessionId, cache);
    } else if (cache.horizon) {
      const since = new Date(new Date(cache.horizon).getTime() - OVERLAP_MS).toISOString();
      for (const e of await this.repo.listEventsReceivedSince(sessionId, since)) {
        cache.byId.set(e.id, e);
        if (e.receivedAt > cache.horizon) cache.horizon = e.receivedAt;
      }
    } else {
      const all = await this.repo.listEvents(sessionId);
      for (const e of all) {
        cache.byId.set(e.id, e);
        if (e.receivedAt > cache.horizon) cache.horizon = e.receivedAt;
      }
    }
    cache.usedAt = now;
    return buildBoard(
      session,
      trainees,
      [...cache.byId.values()],
      new Date(),
      this.options.stuckAfterMinutes,
    );
  }

  private channel(sessionId: string): Channel {
    let c = this.channels.get(sessionId);
    if (!c) {
      c = {
        boards: new Set(),
        trainees: new Set(),
        lastBoard: '',
        lastState: '',
        timer: undefined,
        running: false,
        again: false,
      };
      this.channels.set(sessionId, c);
    }
    return c;
  }

  private static open(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
    res.write('retry: 3000\n\n');
  }

  private static write(res: ServerResponse, event: string, data: string): void {
    res.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  async subscribeBoard(sessionId: string, res: ServerResponse): Promise<void> {
    const c = this.channel(sessionId);
    Hub.open(res);
    c.boards.add(res);
    res.on('close', () => this.drop(sessionId, c.boards, res));
    const board = await this.board(sessionId);
    if (board) Hub.write(res, 'board', JSON.stringify(board));
  }

  subscribeTrainee(session: TrainingSession, res: ServerResponse): void {
    const c = this.channel(session.id);
    Hub.open(res);
    c.trainees.add(res);
    res.on('close', () => this.drop(session.id, c.trainees, res));
    Hub.write(res, 'state', JSON.stringify(traineeState(session)));
  }

  private drop(sessionId: string, set: Set<ServerResponse>, res: ServerResponse): void {
    set.delete(res);
    const c = this.channels.get(sessionId);
    if (c && c.boards.size === 0 && c.trainees.size === 0 && !c.running) {
      if (c.timer) clearTimeout(c.timer);
      this.channels.delete(sessionId);
    }
  }

  /** Something in the session changed: push soon (coalescing bursts of events). */
  notify(sessionId: string): void {
    const c = this.channels.get(sessionId);
    if (!c || c.timer) return;
    c.timer = setTimeout(() => {
      c.timer = undefined;
      void this.push(sessionId, c);
    }, this.options.debounceMs);
    c.timer.unref();
  }

  private async push(sessionId: string, c: Channel): Promise<void> {
    if (c.running) {
      c.again = true;
      return;
    }
    c.running = true;
    try {
      if (c.boards.size > 0) {
        const board = await this.board(sessionId);
        if (board) {
          const { generatedAt: _, ...rest } = board;
          const key = JSON.stringify(rest);
          if (key !== c.lastBoard) {
            c.lastBoard = key;
            const data = JSON.stringify(board);
            for (const res of c.boards) Hub.write(res, 'board', data);
          }
        }
      }
      if (c.trainees.size > 0) {
        const session = await this.repo.getSession(sessionId);
        if (session) {
          const data = JSON.stringify(traineeState(session));
          if (data !== c.lastState) {
            c.lastState = data;
            for (const res of c.trainees) Hub.write(res, 'state', data);
          }
        }
      }
    } catch (error) {
      console.error('live board:', (error as Error).message);
    } finally {
      c.running = false;
      if (c.again) {
        c.again = false;
        void this.push(sessionId, c);
      }
    }
  }

  private tick(): void {
    this.ticks++;
    const now = Date.now();
    for (const [id, cache] of this.events) {
      if (now - cache.usedAt > CACHE_IDLE_MS) this.events.delete(id);
    }
    for (const [sessionId, c] of this.channels) {
      void this.push(sessionId, c);
      if (this.ticks % 4 === 0) {
        for (const res of [...c.boards, ...c.trainees]) res.write(': ping\n\n');
      }
    }
  }

  close(): void {
    clearInterval(this.interval);
    for (const c of this.channels.values()) {
      if (c.timer) clearTimeout(c.timer);
      for (const res of [...c.boards, ...c.trainees]) res.end();
    }
    this.channels.clear();
    this.events.clear();
  }
}
