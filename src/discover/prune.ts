import type { TrailKey } from '../types.js';

export interface PruneFilter {
  accounts: string[]; // empty: any
  regions: string[]; // empty: any
  since: number | null; // epoch ms
  until: number | null; // epoch ms
}

const DAY = 86_400_000;

/**
 * True when a file cannot hold an event inside the filter, judged from its S3 key alone.
 * The key carries the delivery date, which trails the event by minutes (and crosses midnight), so a
 * day of slack is kept at both edges of the window.
 */
export function isPrunedByKey(key: TrailKey, filter: PruneFilter): boolean {
  if (filter.accounts.length > 0 && !filter.accounts.includes(key.account)) return true;
  if (filter.regions.length > 0 && !filter.regions.includes(key.region)) return true;
  if (filter.since === null && filter.until === null) return false;
  const dayStart = Date.parse(`${key.date}T00:00:00Z`);
  if (Number.isNaN(dayStart)) return false;
  if (filter.since !== null && dayStart + DAY <= filter.since - DAY) return true;
  if (filter.until !== null && dayStart > filter.until + DAY) return true;
  return false;
}
