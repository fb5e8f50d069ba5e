/**
 * Progress from learning records: what a trainer's view or a trainee's device shows. Works on
 * statements from any number of devices, in any order, with repeats (a replayed queue counts once,
 * by statement id).
 */
import { XAPI_BASE, type XapiStatement } from './xapi.js';

/** One trainee's results on one scenario. */
export interface ScenarioProgress {
  /** The trainee's account name (`actor.account.name`). */
  trainee: string;
  traineeName: string;
  /** The scenario's activity IRI. */
  scenario: string;
  attempts: number;
  completed: number;
  passed: boolean;
  /** Best scaled score (0..1) over finished attempts, or null before any. */
  bestScaled: number | null;
  lastScaled: number | null;
  /** Finished attempts per mode. */
  modes: Record<string, number>;
  /** How often each mistake id was made, over all finished attempts. */
  mistakes: Record<string, number>;
  hintsUsed: number;
  /** Time spent in finished attempts, in seconds. */
  timeOnTaskSeconds: number;
  lastAt: string;
}

function seconds(duration: string | undefined): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration ?? '');
  if (!m) return 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * Summarises statements per trainee and scenario, ignoring repeated statement ids.
 *
 * @example
 * ```ts
 * const rows = summarizeProgress(await lrs.allStatements());
 * rows.filter((r) => !r.passed).map((r) => r.traineeName);
 * ```
 */
export function summarizeProgress(statements: Iterable<XapiStatement>): ScenarioProgress[] {
  const seen = new Set<string>();
  const rows = new Map<string, ScenarioProgress>();
  const ordered = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  for (const s of ordered) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const trainee = s.actor.account.name;
    const key = `${trainee}\u0000${s.object.id}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        trainee,
        traineeName: s.actor.name,
        scenario: s.object.id,
        attempts: 0,
        completed: 0,
        passed: false,
        bestScaled: null,
        lastScaled: null,
        modes: {},
        mistakes: {},
        hintsUsed: 0,
        timeOnTaskSeconds: 0,
        lastAt: s.timestamp,
      };
      rows.set(key, row);
    }
    row.lastAt = s.timestamp;
    if (s.verb.id.endsWith('/attempted')) row.attempts += 1;
    if (!s.verb.id.endsWith('/passed') && !s.verb.id.endsWith('/failed')) continue;
    const result = s.result ?? {};
    const extensions = result.extensions ?? {};
    const scaled = result.score?.scaled ?? null;
    if (result.completion) row.completed += 1;
    if (result.success) row.passed = true;
    if (scaled !== null) {
      row.lastScaled = scaled;
      row.bestScaled = row.bestScaled === null ? scaled : Math.max(row.bestScaled, scaled);
    }
    const mode = String(s.context.extensions[`${XAPI_BASE}/ext/mode`] ?? 'unknown');
    row.modes[mode] = (row.modes[mode] ?? 0) + 1;
    const mistakes = extensions[`${XAPI_BASE}/ext/mistakes`];
    if (Array.isArray(mistakes)) {
      for (const id of mistakes) row.mistakes[String(id)] = (row.mistakes[String(id)] ?? 0) + 1;
    }
    row.hintsUsed += Number(extensions[`${XAPI_BASE}/ext/hints`] ?? 0);
    row.timeOnTaskSeconds += seconds(result.duration);
  }
  return [...rows.values()];
}
