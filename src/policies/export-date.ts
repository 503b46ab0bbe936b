// When the policies were exported. Neither export records it, so the date comes from the path, as
// people name them (`auth-111122223333-2026-11-23.json`, iam-collect's own advice:
// `mv iam-data iam-data-$(date +%Y-%m-%d)`), else from the latest date inside (creation, update or
// last-use times): the export was made on or after that day. Never the file's modification time,
// which a copy or a checkout changes (and reports must not depend on).
import type { PolicyInput } from '../types.js';

const DATED = /(?:^|[^0-9])(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?![0-9])/g;

/** The last date written in the path (the file's own name wins over its folders'), or null. */
export function dateInPath(path: string): string | null {
  let last: string | null = null;
  for (const m of path.matchAll(DATED)) last = `${m[1]}-${m[2]}-${m[3]}`;
  return last;
}

export function exportDate(path: string, latestInside: string | null): Pick<PolicyInput, 'exportedOn' | 'dateFrom'> {
  const named = dateInPath(path);
  if (named !== null) return { exportedOn: named, dateFrom: 'name' };
  return latestInside === null ? { exportedOn: null, dateFrom: null } : { exportedOn: latestInside, dateFrom: 'content' };
}
