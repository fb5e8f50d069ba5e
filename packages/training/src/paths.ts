/** Dotted paths into request bodies (`details.headOfHousehold.name`, `keywords.0`). */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or `undefined`. */
export function getPath(root: Json, path: string): Json {
  let current: Json = root;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path` (objects are created on the way); `undefined` or
 * `null` removes the field.
 */
export function setPath(
  root: Record<string, Json>,
  path: string,
  value: Json,
): Record<string, Json> {
  const keys = path.split('.');
  const copy = structuredClone(root);
  let current: Record<string, Json> | Json[] = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const next: Json = Array.isArray(current) ? current[Number(key)] : current[key];
    const nextKey = keys[i + 1] as string;
    const created: Record<string, Json> | Json[] =
      Array.isArray(next) || isObject(next) ? next : /^\d+$/.test(nextKey) ? [] : {};
    if (Array.isArray(current)) current[Number(key)] = created;
    else current[key] = created;
    current = created;
  }
  const last = keys[keys.length - 1] as string;
  const remove = value === undefined || value === null;
  if (Array.isArray(current)) {
    if (remove) current.splice(Number(last), 1);
    else current[Number(last)] = structuredClone(value);
  } else if (remove) delete current[last];
  else current[last] = structuredClone(value);
  return copy;
}

/** Applies `{ path: value }` changes in order. */
export function applyChanges(
  root: Record<string, Json>,
  changes: Record<string, Json> | undefined,
): Record<string, Json> {
  let result = structuredClone(root);
  for (const [path, value] of Object.entries(changes ?? {})) result = setPath(result, path, value);
  return result;
}

function normalizeScalar(value: Json): Json {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : value;
}

/** Equality that ignores case and spacing of strings and the order of arrays of scalars. */
export function sameValue(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const scalars = a.every((x) => !isObject(x) && !Array.isArray(x));
    if (scalars) {
      const left = a.map((x) => JSON.stringify(normalizeScalar(x))).sort();
      const right = b.map((x) => JSON.stringify(normalizeScalar(x))).sort();
      return left.every((x, i) => x === right[i]);
    }
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return normalizeScalar(a) === normalizeScalar(b);
}

/**
 * The paths a grader compares one by one: scalars, and arrays of scalars as a whole. Objects
 * and arrays of objects are walked into.
 */
export function gradedLeaves(value: Json, prefix = ''): string[] {
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      gradedLeaves(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  if (Array.isArray(value) && value.some((x) => isObject(x) || Array.isArray(x))) {
    return value.flatMap((v, i) => gradedLeaves(v, prefix ? `${prefix}.${i}` : String(i)));
  }
  return prefix ? [prefix] : [];
}

/** Whether `path` is `other` or lies inside or above it. */
export function overlaps(path: string, other: string): boolean {
  return path === other || path.startsWith(`${other}.`) || other.startsWith(`${path}.`);
}
