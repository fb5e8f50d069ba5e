import type { Scenario, XapiStatement } from '@bosv2/training';

// What the trainer's board needs of a learning record, and nothing more: the actor (name, device
// id) stays on the device; the classroom server knows the trainee from the token.

const EXT = 'https://bosv2-kit.github.io/xapi/ext/';

export interface ClassroomEvent {
  id: string;
  verb: string;
  object: { id: string; module: string; scenario: string };
  result?: {
    score?: { scaled: number };
    success?: boolean;
    completion?: boolean;
    mistakes?: string[];
  };
  timestamp: string;
}

/** The verbs that end an attempt. */
const ENDINGS = new Set(['passed', 'failed', 'completed']);

const lastSegment = (iri: string) =>
  iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'), iri.lastIndexOf(':')) + 1);

/**
 * The field (or kind) a mistake is about, for the board's "mistakes by field": a listed mistake
 * names its field; an unlisted one carries it in its id (`mismatch:details.x` → `details.x`).
 */
export function mistakeField(id: string, scenario: Pick<Scenario, 'mistakes'> | undefined): string {
  const listed = scenario?.mistakes.find((m) => m.id === id);
  if (listed) return 'field' in listed.detect ? listed.detect.field : listed.detect.kind;
  const cut = id.indexOf(':');
  const kind = cut >= 0 ? id.slice(0, cut) : id;
  const rest = cut >= 0 ? id.slice(cut + 1) : '';
  if ((kind === 'mismatch' || kind === 'padding' || kind === 'missing-facts') && rest) return rest;
  return kind;
}

/** A statement as the classroom server takes it (see apps/server/README.md, "Learning events"). */
export function toClassroomEvent(
  statement: XapiStatement,
  scenarioOf: (id: string) => Pick<Scenario, 'mistakes'> | undefined = () => undefined,
): ClassroomEvent {
  const scenario = lastSegment(statement.object.id);
  const extensions = statement.object.definition.extensions ?? {};
  const workflow = extensions[`${EXT}workflow`];
  const module = typeof workflow === 'string' ? workflow : (scenario.split('.')[0] ?? scenario);
  const verb = lastSegment(statement.verb.id);
  const r = statement.result;
  let result: ClassroomEvent['result'];
  if (r) {
    const mistakes = r.extensions?.[`${EXT}mistakes`];
    result = {
      ...(r.score ? { score: { scaled: r.score.scaled } } : {}),
      ...(r.success !== undefined ? { success: r.success } : {}),
      // A step's record says its step is complete, not the module: only the ending carries it.
      ...(r.completion !== undefined && ENDINGS.has(verb) ? { completion: r.completion } : {}),
      ...(Array.isArray(mistakes)
        ? {
            mistakes: mistakes
              .filter((m): m is string => typeof m === 'string')
              .map((m) => mistakeField(m, scenarioOf(scenario)))
              .slice(0, 50),
          }
        : {}),
    };
  }
  return {
    id: statement.id,
    verb,
    object: { id: statement.object.id, module, scenario },
    ...(result ? { result } : {}),
    timestamp: statement.timestamp,
  };
}
