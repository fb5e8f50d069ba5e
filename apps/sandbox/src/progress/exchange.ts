import { MODES } from '../router.js';
import type { Attempt, ProgressFile, XapiStatement } from './types.js';

/** Turns the progress into the text of a file the trainee can keep or hand to a trainer. */
export function exportProgress(
  attempts: Attempt[],
  traineeName?: string,
  now = new Date(),
  statements: XapiStatement[] = [],
): string {
  const file: ProgressFile = {
    format: 'latihan-bos-v2-progress',
    version: 1,
    exportedAt: now.toISOString(),
    ...(traineeName ? { traineeName } : {}),
    attempts,
    statements,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export class ProgressFileError extends Error {
  override readonly name = 'ProgressFileError';
}

function invalid(message: string): never {
  throw new ProgressFileError(message);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkAttempt(value: unknown, index: number): Attempt {
  const at = `attempts[${index}]`;
  if (!isObject(value)) throw new ProgressFileError(`${at} is not an object`);
  for (const key of ['id', 'scenarioId', 'workflow', 'startedAt', 'finishedAt'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') {
      throw new ProgressFileError(`${at}.${key} must be a non-empty string`);
    }
  }
  if (!(MODES as readonly unknown[]).includes(value.mode)) {
    throw new ProgressFileError(`${at}.mode must be one of ${MODES.join(', ')}`);
  }
  for (const key of ['score', 'maxScore', 'hintsUsed'] as const) {
    if (
      typeof value[key] !== 'number' ||
      !Number.isFinite(value[key]) ||
      (value[key] as number) < 0
    ) {
      throw new ProgressFileError(`${at}.${key} must be a number ≥ 0`);
    }
  }
  if ((value.score as number) > (value.maxScore as number)) {
    throw new ProgressFileError(`${at}.score is above maxScore`);
  }
  if (typeof value.passed !== 'boolean')
    throw new ProgressFileError(`${at}.passed must be true or false`);
  if (
    !isObject(value.mistakes) ||
    Object.values(value.mistakes).some(
      (n) => typeof n !== 'number' || !Number.isInteger(n) || n < 0,
    )
  ) {
    throw new ProgressFileError(`${at}.mistakes must map field names to counts`);
  }
  return {
    id: value.id as string,
    scenarioId: value.scenarioId as string,
    workflow: value.workflow as string,
    mode: value.mode as Attempt['mode'],
    score: value.score as number,
    maxScore: value.maxScore as number,
    passed: value.passed,
    mistakes: { ...(value.mistakes as Record<string, number>) },
    hintsUsed: value.hintsUsed as number,
    startedAt: value.startedAt as string,
    finishedAt: value.finishedAt as string,
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** An xAPI statement as the engine makes them: ids, actor, verb, activity, attempt, time. */
function checkStatement(value: unknown, index: number): XapiStatement {
  const at = `statements[${index}]`;
  if (!isObject(value)) throw new ProgressFileError(`${at} is not an object`);
  if (!nonEmpty(value.id)) throw new ProgressFileError(`${at}.id must be a non-empty string`);
  if (!isObject(value.actor)) throw new ProgressFileError(`${at}.actor is missing`);
  if (!isObject(value.verb) || !nonEmpty(value.verb.id))
    throw new ProgressFileError(`${at}.verb.id must be a non-empty string`);
  if (!isObject(value.object) || !nonEmpty(value.object.id))
    throw new ProgressFileError(`${at}.object.id must be a non-empty string`);
  if (!isObject(value.context) || !nonEmpty(value.context.registration))
    throw new ProgressFileError(`${at}.context.registration must be a non-empty string`);
  if (!nonEmpty(value.timestamp) || Number.isNaN(Date.parse(value.timestamp)))
    throw new ProgressFileError(`${at}.timestamp must be a date and time`);
  return structuredClone(value) as unknown as XapiStatement;
}

/** Reads a progress file; throws {@link ProgressFileError} saying what is wrong with it. */
export function importProgress(text: string): ProgressFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProgressFileError('not JSON');
  }
  if (!isObject(parsed) || parsed.format !== 'latihan-bos-v2-progress') {
    throw new ProgressFileError('not a Latihan BOS V2 progress file');
  }
  if (parsed.version !== 1)
    throw new ProgressFileError(`version ${String(parsed.version)} is not supported`);
  if (!Array.isArray(parsed.attempts)) throw new ProgressFileError('attempts is missing');
  return {
    format: 'latihan-bos-v2-progress',
    version: 1,
    exportedAt: typeof parsed.exportedAt === 'string' ? parsed.exportedAt : '',
    ...(typeof parsed.traineeName === 'string' ? { traineeName: parsed.traineeName } : {}),
    attempts: parsed.attempts.map(checkAttempt),
    // Files from before the learning records were exported have none.
    statements:
      parsed.statements === undefined
        ? []
        : Array.isArray(parsed.statements)
          ? parsed.statements.map(checkStatement)
          : invalid('statements must be a list'),
  };
}
