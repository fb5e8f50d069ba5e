// The classroom hand-off: when a trainee joins a trainer's session on the classroom server
// (apps/server, `/join`), its page stores who they are under this key, on the same origin as the
// sandbox. The sandbox reads it to send the trainee's learning records to the trainer's board.

export const HANDOFF_KEY = 'bosv2.classroom';

export interface ClassroomHandoff {
  /** The trainee's bearer token for the classroom API (only its hash is on the server). */
  token: string;
  traineeId: string;
  /** The name the trainee typed when joining (for the certificate and the status line). */
  name: string;
  sessionId: string;
  /** The session's name, when the join page gave it. */
  sessionName?: string;
  /** The workflows the trainer chose for the session. */
  modules: string[];
  /** Same-origin path of the learning-events endpoint. */
  eventsUrl: string;
}

const isString = (v: unknown, max = 500): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

/**
 * The stored hand-off, or null when there is none or it is not one (a damaged value is ignored:
 * the sandbox then works on its own, as without a classroom).
 */
export function readHandoff(storage: Pick<Storage, 'getItem'>): ClassroomHandoff | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(HANDOFF_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const h = raw as Record<string, unknown>;
  if (!isString(h.token) || !isString(h.traineeId) || !isString(h.sessionId)) return null;
  if (!isString(h.eventsUrl) || !h.eventsUrl.startsWith('/') || h.eventsUrl.startsWith('//')) {
    return null; // only this origin: the CSP would block anything else anyway
  }
  const modules = Array.isArray(h.modules) ? h.modules.filter((m) => isString(m, 100)) : [];
  return {
    token: h.token,
    traineeId: h.traineeId,
    name: isString(h.name, 200) ? h.name : '',
    sessionId: h.sessionId,
    ...(isString(h.sessionName, 200) ? { sessionName: h.sessionName } : {}),
    modules,
    eventsUrl: h.eventsUrl,
  };
}

/** Leaves the session on this device (the records already queued are still delivered). */
export function clearHandoff(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(HANDOFF_KEY);
}

/** The classroom server's drills, as the sandbox's own. */
export function drillOf(serverDrill: unknown): 'normal' | 'offline' | 'server-error' | 'slow' {
  switch (serverDrill) {
    case 'OFFLINE':
      return 'offline';
    case 'SERVER_ERROR':
      return 'server-error';
    case 'SLOW':
      return 'slow';
    default:
      return 'normal';
  }
}
