/** `datetime-local` input values ↔ RFC 3339 instants with the device's offset. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-20T09:30` (local) → `2026-11-20T09:30:00+08:00` on a WITA device; '' stays ''. */
export function localToRfc3339(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return local;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local.slice(0, 16)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An RFC 3339 instant → the `datetime-local` value for the device's time zone. */
export function rfc3339ToLocal(value: string): string {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
