/** Why a value is not a state saved by `snapshot()`, or null when it has the state's shape. */
export function stateProblem(state: unknown): string | null {
  if (!state || typeof state !== 'object' || Array.isArray(state))
    return 'Not a bosv2-mock state file: expected a JSON object.';
  const s = state as Record<string, unknown>;
  if (s.format !== 'bosv2-mock-state@1')
    return 'Not a bosv2-mock state file: format must be "bosv2-mock-state@1".';
  if (!Number.isInteger(s.seed)) return 'The state has no integer seed.';
  const isMap = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  for (const key of [
    'units',
    'users',
    'sessions',
    'refreshTokens',
    'collections',
    'loginFailures',
  ] as const) {
    if (!isMap(s[key])) return `The state's "${key}" must be an object.`;
  }
  for (const key of ['idempotency', 'idempotencyPrevious', 'counters'] as const) {
    if (s[key] !== undefined && !isMap(s[key])) return `The state's "${key}" must be an object.`;
  }
  for (const [name, records] of Object.entries(s.collections as Record<string, unknown>)) {
    if (!isMap(records)) return `The state's collection "${name}" must be an object.`;
  }
  return null;
}
