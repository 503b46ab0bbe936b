// Literals and names in the SQL text. Values come from the command line and the catalog; quoting
// every one keeps a stray quote from ending the string.

/** A string literal both engines read: single quotes, a quote inside doubled (no backslash escapes in either). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlList(values: readonly string[]): string {
  return values.map(sqlString).join(', ');
}

/** `name`, `db.name` or `catalog.db.name` of letters, digits and underscores: what `--table` accepts. */
export function isTableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/.test(name);
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy/MM/dd of the UTC day holding `ms`, as the partition projection writes it. */
export function partitionDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** CloudTrail's own eventTime spelling, to the second: 2026-11-20T10:00:00Z. */
export function eventTimeText(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function floorDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export { DAY };
