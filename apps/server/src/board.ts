import type { StoredEvent, Trainee, TrainingSession } from './store/types.js';

export interface ModuleProgress {
  attempts: number;
  bestScore: number | null;
  lastScore: number | null;
  completed: boolean;
  passed: boolean;
}

export interface TraineeProgress {
  id: string;
  name: string;
  joinedAt: string;
  lastActivityAt: string | null;
  currentModule: string | null;
  events: number;
  modules: Record<string, ModuleProgress>;
  averageScore: number | null;
  passedModules: number;
  mistakes: Record<string, number>;
  stuck: boolean;
  finished: boolean;
}

export interface Board {
  session: Pick<
    TrainingSession,
    | 'id'
    | 'kind'
    | 'name'
    | 'place'
    | 'date'
    | 'modules'
    | 'status'
    | 'drill'
    | 'joinCode'
    | 'joinCodeExpiresAt'
    | 'closedAt'
  >;
  generatedAt: string;
  stuckAfterMinutes: number;
  trainees: TraineeProgress[];
  totals: {
    trainees: number;
    events: number;
    stuck: number;
    finished: number;
    mistakes: Record<string, number>;
  };
}

const START_VERBS = new Set(['attempted', 'initialized', 'launched', 'started']);
const END_VERBS = new Set(['completed', 'passed', 'failed']);

/** The live board of a session, from its trainees and their events. Pure. */
export function buildBoard(
  session: TrainingSession,
  trainees: Trainee[],
  events: StoredEvent[],
  now: Date,
  stuckAfterMinutes: number,
): Board {
  const rows = new Map<string, TraineeProgress>();
  for (const t of trainees) {
    rows.set(t.id, {
      id: t.id,
      name: t.name,
      joinedAt: t.joinedAt,
      lastActivityAt: null,
      currentModule: null,
      events: 0,
      modules: {},
      averageScore: null,
      passedModules: 0,
      mistakes: {},
      stuck: false,
      finished: false,
    });
  }
  const classMistakes: Record<string, number> = {};
  for (const e of events) {
    const row = rows.get(e.traineeId);
    if (!row) continue;
    row.events++;
    if (!row.lastActivityAt || e.occurredAt >= row.lastActivityAt) {
      row.lastActivityAt = e.occurredAt;
      row.currentModule = e.module;
    }
    row.modules[e.module] ??= {
      attempts: 0,
      bestScore: null,
      lastScore: null,
      completed: false,
      passed: false,
    };
    const m = row.modules[e.module] as ModuleProgress;
    if (START_VERBS.has(e.verb)) m.attempts++;
    if (e.scoreScaled !== null) {
      m.lastScore = e.scoreScaled;
      m.bestScore = m.bestScore === null ? e.scoreScaled : Math.max(m.bestScore, e.scoreScaled);
    }
    if (e.completion === true || END_VERBS.has(e.verb)) m.completed = true;
    if (e.verb === 'passed' || (END_VERBS.has(e.verb) && e.success === true)) m.passed = true;
    for (const field of e.mistakes) {
      row.mistakes[field] = (row.mistakes[field] ?? 0) + 1;
      classMistakes[field] = (classMistakes[field] ?? 0) + 1;
    }
  }
  const limit = stuckAfterMinutes * 60_000;
  for (const row of rows.values()) {
    const modules = Object.values(row.modules);
    const scores = modules.map((m) => m.bestScore).filter((s): s is number => s !== null);
    row.averageScore = scores.length
      ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000
      : null;
    row.passedModules = modules.filter((m) => m.passed).length;
    row.finished =
      session.modules.length > 0 && session.modules.every((id) => row.modules[id]?.completed);
    const since = new Date(row.lastActivityAt ?? row.joinedAt).getTime();
    row.stuck = session.status === 'OPEN' && !row.finished && now.getTime() - since > limit;
  }
  const list = [...rows.values()];
  return {
    session: {
      id: session.id,
      kind: session.kind,
      name: session.name,
      place: session.place,
      date: session.date,
      modules: session.modules,
      status: session.status,
      drill: session.drill,
      joinCode: session.joinCode,
      joinCodeExpiresAt: session.joinCodeExpiresAt,
      closedAt: session.closedAt,
    },
    generatedAt: now.toISOString(),
    stuckAfterMinutes,
    trainees: list,
    totals: {
      trainees: list.length,
      events: events.length,
      stuck: list.filter((r) => r.stuck).length,
      finished: list.filter((r) => r.finished).length,
      mistakes: classMistakes,
    },
  };
}
