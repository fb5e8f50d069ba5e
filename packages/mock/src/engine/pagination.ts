/** Opaque cursors: base64url of the offset, so clients cannot lean on their shape. */
export function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The offset a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  try {
    const text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const m = /^o:(\d{1,9})$/.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function paginate<T>(
  items: T[],
  offset: number,
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { items: slice, nextCursor: next < items.length ? encodeCursor(next) : null };
}
