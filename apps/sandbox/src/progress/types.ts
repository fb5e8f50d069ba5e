import type { XapiStatement } from '@bosv2/training';
import type { Mode } from '../router.js';

/** One finished run of a scenario, as stored on the device. */
export interface Attempt {
  /** Unique per attempt (a UUID), so importing the same file twice adds nothing. */
  id: string;
  scenarioId: string;
  /** The workflow (module) the scenario belongs to. */
  workflow: string;
  mode: Mode;
  score: number;
  maxScore: number;
  passed: boolean;
  /** Fields the trainee got wrong, with how often, e.g. `{ 'details.description': 2 }`. */
  mistakes: Record<string, number>;
  hintsUsed: number;
  startedAt: string;
  finishedAt: string;
}

/** What `Save to a file` writes and `Load from a file` reads. */
export interface ProgressFile {
  format: 'latihan-bos-v2-progress';
  version: 1;
  exportedAt: string;
  traineeName?: string;
  attempts: Attempt[];
  /** The attempts' learning records (xAPI statements), for a trainer's LRS. */
  statements?: XapiStatement[];
}

export type { XapiStatement };
