/**
 * The shape of a training scenario, as written in `scenarios/<workflow>/<variant>.yaml` and
 * checked by `scenario.schema.json`. Every user-facing text is a {@link Text}: Bahasa Indonesia
 * first, English as a switch.
 */

/** A text in Bahasa Indonesia (`id`) and English (`en`). */
export interface Text {
  id: string;
  en: string;
}

/** The language of a session's messages. */
export type Locale = 'id' | 'en';

/**
 * How a scenario is played.
 * - `guided`: every step explained and highlighted; hints are always shown.
 * - `practice`: hints on request, feedback after each step.
 * - `exam`: no hints, timed, feedback only at the end, scored against the pass mark.
 */
export type Mode = 'guided' | 'practice' | 'exam';

/** The modes every scenario is playable in. */
export const MODES: readonly Mode[] = ['guided', 'practice', 'exam'];

/**
 * What happens to the trainee besides the content:
 * - `clean`: everything works;
 * - `refusal`: the server refuses an entry (a BOS V2 rule) and the trainee must fix it;
 * - `network-drop`: the connection drops while sending; the outbox must deliver it once;
 * - `server-error`: the server answers 5xx; the trainee retries the same request;
 * - `returned`: the supervisor sent the report back with a note.
 */
export type Variant = 'clean' | 'refusal' | 'network-drop' | 'server-error' | 'returned';

/** The variants, in the order the coverage table lists them. */
export const VARIANTS: readonly Variant[] = [
  'clean',
  'refusal',
  'network-drop',
  'server-error',
  'returned',
];

/** Who plays the scenario. */
export type TraineeRole = 'bhabinkamtibmas' | 'supervisor' | 'citizen';

/** A fact of the briefing that the report must capture. */
export interface Fact {
  id: string;
  text: Text;
  /**
   * Words or phrases that show the fact is in a text: the fact counts as captured when any of
   * them appears (case, accents and punctuation ignored; whole words).
   */
  terms: string[];
}

interface StepBase {
  id: string;
  title: Text;
  /** What to do, in the words a trainer would use; shown in guided mode and as the hint. */
  hint: Text;
  /** Why this step matters (guided mode). */
  explain?: Text;
}

/** Open a menu of the app, e.g. `[Laporan, Giat Wajib Harian, DDS, Warga]`. */
export interface NavigateStep extends StepBase {
  kind: 'navigate';
  menu: string[];
}

/** Fill a form and send it: one request to a contract operation. */
export interface EntryStep extends StepBase {
  kind: 'entry';
  /** The contract operation the form sends (e.g. `createActivity`). */
  operationId: string;
  /** The rubric item that loses points when a field differs from the briefing. */
  rubricItem: string;
  /** The request body a perfect trainee sends; absent for body-less actions (submit). */
  expected?: Record<string, unknown>;
  /**
   * The form does not start empty: a draft saved earlier, given as changes to `expected`
   * (dotted path → value; `null` removes the field).
   */
  draft?: Record<string, unknown>;
  /** Dotted paths whose values may differ from `expected` without losing points. */
  lenient?: string[];
}

/** Read a screen and answer a question about it (dashboards, statuses, lookups). */
export interface ChoiceStep extends StepBase {
  kind: 'choice';
  rubricItem: string;
  question: Text;
  options: { id: string; text: Text }[];
  correct: string;
}

export type Step = NavigateStep | EntryStep | ChoiceStep;

/** A field error inside a simulated problem+json answer. */
export interface ProblemFieldError {
  field: string;
  code: string;
  message: Text;
}

/** A problem+json answer the simulated server gives (decision 0001). */
export interface ProblemSpec {
  status: number;
  code: string;
  title: Text;
  detail?: Text;
  errors?: ProblemFieldError[];
}

/** What the simulated server or network does at a step. */
export type Incident =
  | {
      /** The server refuses the entry while the fields named in `problem.errors` keep the draft's values. */
      kind: 'refusal';
      step: string;
      problem: ProblemSpec;
    }
  | {
      /** The request reaches the server but the answer is lost, and the phone goes offline. */
      kind: 'network-drop';
      step: string;
    }
  | {
      /** The server fails once (nothing stored) and asks to retry after a while. */
      kind: 'server-error';
      step: string;
      status: 500 | 502 | 503;
      retryAfterSeconds?: number;
    };

/** How a typical mistake is recognised. */
export type Detector =
  | { kind: 'padded-text'; field: string }
  | { kind: 'missing-facts'; field: string; facts: string[]; min?: number }
  | { kind: 'wrong-value'; field: string }
  | { kind: 'missing-item'; field: string; item: string }
  | { kind: 'duplicate-submission' }
  | { kind: 'resubmit-unchanged' }
  | { kind: 'wrong-menu' }
  | { kind: 'wrong-choice' };

/** How a trainee makes the mistake: used by the tests and by "show me" in the sandbox. */
export type MistakeExample =
  | { set: Record<string, unknown> }
  | { menu: string[] }
  | { choose: string }
  | { resubmit: true }
  | { unchanged: true };

/** A mistake trainees make, what it costs and what to tell them. */
export interface Mistake {
  id: string;
  step: string;
  rubricItem: string;
  points: number;
  title: Text;
  detect: Detector;
  /** Why it is wrong and what to do instead. */
  feedback: Text;
  example: MistakeExample;
}

/** A scoring item. It scores zero unless all its steps are done. */
export interface RubricItem {
  id: string;
  title: Text;
  points: number;
  steps: string[];
}

/** Where and when the scenario happens, and who plays. */
export interface Setting {
  desaCode: string;
  desaName: string;
  kecamatanName: string;
  date: string;
  time?: string;
  /** The synthetic person the trainee plays. */
  persona: { name: string; rank?: string; nrp?: string; position?: string };
}

/** A training scenario. */
export interface Scenario {
  $schema?: string;
  id: string;
  version: number;
  workflow: string;
  variant: Variant;
  role: TraineeRole;
  title: Text;
  briefing: Text;
  setting: Setting;
  /** The workflow, or a part of it, is designed by the kit, not BOS V2 (decision 0002). */
  designedByKit?: boolean;
  facts: Fact[];
  steps: Step[];
  incidents: Incident[];
  mistakes: Mistake[];
  rubric: RubricItem[];
  /** Percentage of the maximum needed to pass. */
  passMark: number;
  /** Exam time limit. */
  timeLimitMinutes: number;
  /** Points lost for a field that differs from the briefing and is not a listed mistake. */
  mismatchPoints: number;
}

/** A workflow the scenarios teach (`scenarios/workflows.yaml`). */
export interface Workflow {
  id: string;
  title: Text;
  role: TraineeRole;
  /** The BOS V2 menu path that starts it. */
  menu: string[];
  designedByKit?: boolean;
}
