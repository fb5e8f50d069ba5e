/**
 * The id of a form control for a dotted field path: `details.headOfHousehold.name` under
 * prefix `f` is `f-details-headOfHousehold-name`. Error summaries link to these ids.
 */
export function controlId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}
