import { describe, expect, it } from 'vitest';
import { buildBoard } from './board.js';
import type { StoredEvent, Trainee, TrainingSession } from './store/types.js';

const session: TrainingSession = {
  id: 's1',
  trainerId: 't1',
  kind: 'training',
  name: 'Pelatihan',
  place: 'Aula',
  date: '2026-11-28',
  modules: ['dds-warga', 'deteksi-dini'],
  status: 'OPEN',
  joinCode: 'ABC234',
  joinCodeExpiresAt: '2026-11-28T12:00:00.000Z',
  drill: 'NONE',
  drillChangedAt: '2026-11-28T08:00:00.000Z',
  createdAt: '2026-11-28T08:00:00.000Z',
  closedAt: null,
};
const trainees: Trainee[] = [
  { id: 'a', sessionId: 's1', name: 'Aktif', joinedAt: '2026-11-28T08:00:00.000Z' },
  { id: 'b', sessionId: 's1', name: 'Macet', joinedAt: '2026-11-28T08:00:00.000Z' },
  { id: 'c', sessionId: 's1', name: 'Selesai', joinedAt: '2026-11-28T08:00:00.000Z' },
  { id: 'd', sessionId: 's1', name: 'Baru', joinedAt: '2026-11-28T08:58:00.000Z' },
];
let n = 0;
const ev = (traineeId: string, at: string, over: Partial<StoredEvent> = {}): StoredEvent => ({
  id: `e${n++}`,
  sessionId: 's1',
  traineeId,
  verb: 'answered',
  module: 'dds-warga',
  scenario: null,
  scoreScaled: null,
  success: null,
  completion: null,
  mistakes: [],
  occurredAt: `2026-11-28T${at}:00.000Z`,
  receivedAt: `2026-11-28T${at}:00.000Z`,
  ...over,
});

describe('the live board', () => {
  const events = [
    ev('a', '08:10', { verb: 'attempted' }),
    ev('a', '08:50', {
      verb: 'failed',
      scoreScaled: 0.4,
      success: false,
      mistakes: ['description', 'keywords'],
    }),
    ev('a', '08:57', { verb: 'attempted', module: 'deteksi-dini', mistakes: ['description'] }),
    ev('b', '08:20', { verb: 'attempted' }),
    ev('c', '08:30', { verb: 'passed', scoreScaled: 1, success: true }),
    ev('c', '08:40', {
      verb: 'completed',
      module: 'deteksi-dini',
      scoreScaled: 0.6,
      success: false,
    }),
  ];
  const board = buildBoard(session, trainees, events, new Date('2026-11-28T09:00:00.000Z'), 5);
  const row = (id: string) => board.trainees.find((t) => t.id === id);

  it('shows each trainee’s current module: the one of their latest event', () => {
    expect(row('a')?.currentModule).toBe('deteksi-dini');
    expect(row('d')?.currentModule).toBeNull();
  });

  it('marks as stuck whoever made no progress for N minutes, but not who finished or just joined', () => {
    expect(row('a')?.stuck).toBe(false);
    expect(row('b')?.stuck).toBe(true);
    expect(row('c')?.stuck).toBe(false);
    expect(row('c')?.finished).toBe(true);
    expect(row('d')?.stuck).toBe(false);
    expect(board.totals).toMatchObject({ stuck: 1, finished: 1, trainees: 4, events: 6 });
    const closed = buildBoard(
      { ...session, status: 'CLOSED' },
      trainees,
      events,
      new Date('2026-11-28T09:00:00.000Z'),
      5,
    );
    expect(closed.totals.stuck).toBe(0);
  });

  it('counts mistakes by field per trainee and for the class', () => {
    expect(row('a')?.mistakes).toEqual({ description: 2, keywords: 1 });
    expect(board.totals.mistakes).toEqual({ description: 2, keywords: 1 });
  });

  it('keeps the best score per module, counts attempts and passes', () => {
    expect(row('a')?.modules['dds-warga']).toEqual({
      attempts: 1,
      bestScore: 0.4,
      lastScore: 0.4,
      completed: true,
      passed: false,
    });
    expect(row('c')?.passedModules).toBe(1);
    expect(row('c')?.averageScore).toBe(0.8);
  });
});
