/** Reading and writing nested values by dotted path (`details.householdMembers.0.name`). */

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: string): unknown {
  if (!path) return root;
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced (removed when `value` is undefined);
 * missing objects and arrays on the way are created (a numeric segment makes an array).
 *
 * @example
 * ```ts
 * setAt({}, 'details.partiesInvolved.0', 'Pak RT'); // { details: { partiesInvolved: ['Pak RT'] } }
 * ```
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const write = (node: unknown, index: number): unknown => {
    const key = parts[index] as string;
    const numeric = /^\d+$/.test(key);
    const base: Record<string, unknown> | unknown[] = Array.isArray(node)
      ? [...node]
      : node && typeof node === 'object'
        ? { ...(node as Record<string, unknown>) }
        : numeric
          ? []
          : {};
    const container = base as Record<string, unknown>;
    if (index === parts.length - 1) {
      if (value === undefined) {
        if (Array.isArray(base)) base.splice(Number(key), 1);
        else delete container[key];
      } else container[key] = value;
      return base;
    }
    container[key] = write(container[key], index + 1);
    return base;
  };
  return write(root, 0) as T;
}

/** The path without list positions: `details.opinions.0.text` → `details.opinions.text` (hint lookup). */
export function genericPath(path: string): string {
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** The last named segment of a path: `details.opinions.0.text` → `text`. */
export function lastName(path: string): string {
  const parts = path.split('.').filter((part) => !/^\d+$/.test(part));
  return parts[parts.length - 1] ?? path;
}
