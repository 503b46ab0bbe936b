// Calendar windows: `--week 2026-W47` (ISO 8601 week, UTC), `--day 2026-11-20`, `--last 7d`. Each
// becomes an inclusive [since, until] in epoch ms, a label for report headings and a folder name
// for the default output (`reports/<slug>/`).
//
//   calendarWindow({ week: '2026-W47' }, Date.now())
//   // → { since: 2026-11-16T00:00Z, until: 2026-11-22T23:59:59.999Z, label: '2026-W47', slug: '2026-W47' }
import { UserError } from '../errors.js';

const DAY = 86_400_000;
const LAST_UNITS: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY };

export interface CalendarWindow {
  kind: 'week' | 'day' | 'last';
  since: number;
  until: number;
  label: string; // shown in report headings: '2026-W47', '2026-11-20', 'last 7d'
  slug: string; // folder name under reports/: '2026-W47', '2026-11-20', 'last-7d'
}

export interface WindowFlags {
  week?: string;
  day?: string;
  last?: string;
  since?: string;
  until?: string;
}

/** 0 = Monday … 6 = Sunday. */
const isoWeekday = (ms: number): number => (new Date(ms).getUTCDay() + 6) % 7;

/** Monday 00:00 UTC of ISO week 1 of `year`: the week that holds 4 January. */
export function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - isoWeekday(jan4) * DAY;
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY));
}

/** The ISO week an instant falls in (its Thursday decides the year). */
export function isoWeekOf(ms: number): { year: number; week: number } {
  const thursday = ms - isoWeekday(ms) * DAY + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY)) + 1;
  return { year, week };
}

export function isoWeekLabel(w: { year: number; week: number }): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** '2026-W47' → Monday 00:00 to Sunday 23:59:59.999 UTC. */
export function isoWeekRange(value: string): { since: number; until: number; label: string } {
  const m = /^(\d{4})-?W(\d{2})$/i.exec(value.trim());
  if (m === null) throw new UserError(`--week ${JSON.stringify(value)} is not an ISO week: give it as 2026-W47`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks) throw new UserError(`--week ${value}: ${year} has weeks W01 to W${weeks}`);
  const since = isoWeekOneMonday(year) + (week - 1) * 7 * DAY;
  return { since, until: since + 7 * DAY - 1, label: isoWeekLabel({ year, week }) };
}

/** The label of the ISO week before a week label: '2027-W01' → '2026-W53'. */
export function previousIsoWeek(label: string): string {
  return isoWeekLabel(isoWeekOf(isoWeekRange(label).since - 7 * DAY));
}

function dayRange(value: string): { since: number; until: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const since = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (m === null || new Date(since).toISOString().slice(0, 10) !== value.trim()) {
    throw new UserError(`--day ${JSON.stringify(value)} is not a date: give it as 2026-11-20`);
  }
  return { since, until: since + DAY - 1 };
}

/** '2026-11-20' → '2026-11-19'. */
export function previousDay(label: string): string {
  return new Date(dayRange(label).since - DAY).toISOString().slice(0, 10);
}

/**
 * The window the flags ask for, or null when none of --week/--day/--last is given. They exclude
 * each other and --since/--until: two ways of saying when would leave one of them ignored.
 */
export function calendarWindow(flags: WindowFlags, now: number): CalendarWindow | null {
  const given = (['week', 'day', 'last'] as const).filter((k) => flags[k] !== undefined);
  if (given.length === 0) return null;
  const clash = [...given.slice(1), ...(['since', 'until'] as const).filter((k) => flags[k] !== undefined)];
  if (clash.length > 0) {
    throw new UserError(`--${given[0]} cannot be combined with --${clash[0]}: give one window (--week, --day, --last, or --since/--until)`);
  }
  const kind = given[0];
  const value = flags[kind] as string;
  if (kind === 'week') {
    const w = isoWeekRange(value);
    return { kind, ...w, slug: w.label };
  }
  if (kind === 'day') return { kind, ...dayRange(value), label: value.trim(), slug: value.trim() };
  const m = /^(\d+)([hdw])$/.exec(value.trim());
  if (m === null || Number(m[1]) < 1) throw new UserError(`--last ${JSON.stringify(value)}: give a span such as 24h, 7d or 2w`);
  const span = `${Number(m[1])}${m[2]}`;
  return { kind, since: now - Number(m[1]) * LAST_UNITS[m[2]], until: now, label: `last ${span}`, slug: `last-${span}` };
}
