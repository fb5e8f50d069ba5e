import type { XapiStatement } from '@bosv2/training';
import { readHandoff } from './handoff.js';

/** What forwarding needs of the classroom link (kept apart so the progress store stays light). */
export interface StatementSink {
  send(statements: readonly XapiStatement[]): Promise<number>;
}

let active: StatementSink | null = null;
const waiting: XapiStatement[][] = [];
const MAX_WAITING = 200;

/**
 * Hands learning records to the classroom server if the trainee joined a session; a no-op
 * otherwise. Records that arrive while the link is still starting wait in memory and are sent
 * once it has started (they are in the progress store on the device as well).
 */
export function forwardToClassroom(statements: readonly XapiStatement[]): void {
  if (statements.length === 0) return;
  if (active) void active.send(statements);
  else if (readHandoff(globalThis.localStorage ?? { getItem: () => null })) {
    // Bounded: a link that never starts (no IndexedDB) must not grow memory for ever; the
    // records stay in the progress store on the device either way.
    if (waiting.length >= MAX_WAITING) waiting.shift();
    waiting.push([...statements]);
  }
}

/** The started link (or null when it stops); records that waited for it are sent now. */
export function setClassroomSink(sink: StatementSink | null): void {
  active = sink;
  if (sink) for (const batch of waiting.splice(0)) void sink.send(batch);
}

/** The link in use, if any. */
export function classroomSink(): StatementSink | null {
  return active;
}
