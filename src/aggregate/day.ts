// The UTC day of an eventTime: the key of Summary.timeline and of each group's timeline. Called twice
// for each denial folded (the report's timeline, the group's), so it checks characters rather than run
// a regular expression, and remembers the last answer (denials come in bursts of one day).

let lastTime = '';
let lastDay = 'unknown';

const isDigit = (c: number) => c >= 48 && c <= 57;

/** '2026-11-20T10:00:00Z' → '2026-11-20'; 'unknown' when the text does not start with a YYYY-MM-DD date. */
export function dayOf(eventTime: string): string {
  if (eventTime === lastTime) return lastDay;
  const t = eventTime;
  const ok = t.length >= 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && [0, 1, 2, 3, 5, 6, 8, 9].every((i) => isDigit(t.charCodeAt(i)));
  lastTime = t;
  lastDay = ok ? t.slice(0, 10) : 'unknown';
  return lastDay;
}
