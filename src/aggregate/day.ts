/** The UTC day of an eventTime ('2026-11-20T10:00:00Z' → '2026-11-20'); 'unknown' when it does not start with one. */
export function dayOf(eventTime: string): string {
  return DAY.test(eventTime) ? eventTime.slice(0, 10) : 'unknown';
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
