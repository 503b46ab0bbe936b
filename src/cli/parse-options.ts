import { UserError } from '../errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

// The ISO 8601 forms read: a date, or a date and time to the minute, second or fraction, with a zone
// (Z, +02:00, -0130) or without one (UTC). Each part is range-checked: Date.parse would move
// 2026-02-30 to 2 March without a word.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Why the parts of an ISO date-time name no instant, or null when they do. */
function impossible(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, sec, , zone] = m;
  const month = Number(mo);
  if (month < 1 || month > 12) return `there is no month ${mo}`;
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (Number(d) < 1) return `there is no day ${d}`;
  if (Number(d) > days) return `${y}-${mo} has ${days} days`;
  if (h !== undefined && Number(h) > 23) return `there is no hour ${h}`;
  if (mi !== undefined && Number(mi) > 59) return `there is no minute ${mi}`;
  if (sec !== undefined && Number(sec) > 59) return `there is no second ${sec}`;
  const offset = /^[+-](\d{2}):?(\d{2})$/.exec(zone ?? '');
  if (offset !== null && (Number(offset[1]) > 23 || Number(offset[2]) > 59)) return `there is no zone offset ${zone}`;
  return null;
}

/**
 * An instant from an ISO 8601 date or date-time (UTC when no zone is given) or, when `now` is
 * given, a span back from it: `30m`, `24h`, `7d`, `2w`.
 */
export function parseInstant(value: string, option: string, now: number | null): number {
  const rel = /^(\d+)([mhdw])$/.exec(value);
  if (rel && now !== null) return now - Number(rel[1]) * UNITS[rel[2]];
  const m = ISO.exec(value);
  if (m === null) {
    const forms =
      now === null ? 'an ISO date such as 2026-11-20 or 2026-11-20T13:00Z' : 'an ISO date such as 2026-11-20, or a span back from now such as 24h, 7d, 2w';
    throw new UserError(`${option} ${JSON.stringify(value)} is not a time: give ${forms}`);
  }
  const why = impossible(m);
  if (why !== null) throw new UserError(`${option} ${JSON.stringify(value)} is not a ${m[4] === undefined ? 'date' : 'time'}: ${why}`);
  const [, y, mo, d, h = '00', mi = '00', sec = '00', fraction = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${fraction.slice(0, 4)}${offset}`);
}

/** `--until 2026-11-20` means the end of that day, not its first millisecond. */
export function parseUntil(value: string): number {
  const t = parseInstant(value, '--until', null);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_400_000 - 1 : t;
}

/** --since and --until, each optional; a window that ends before it starts is a mistake, not an empty report. */
export function parseWindow(flags: { since?: string; until?: string }, now: number): { since: number | null; until: number | null } {
  const since = flags.since === undefined ? null : parseInstant(flags.since, '--since', now);
  const until = flags.until === undefined ? null : parseUntil(flags.until);
  if (since !== null && until !== null && since > until) {
    const iso = (t: number) => new Date(t).toISOString();
    throw new UserError(
      `--since ${flags.since} (${iso(since)}) is after --until ${flags.until} (${iso(until)}): nothing can fall in that window; give the earlier time as --since`,
    );
  }
  return { since, until };
}

/** `--account` values: 12 digits each (`1111-2222-3333` as the console writes them, commas too). */
export function parseAccounts(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => {
      const digits = /^\d{4}-\d{4}-\d{4}$/.test(v) ? v.replaceAll('-', '') : v;
      if (!/^\d{12}$/.test(digits)) throw new UserError(`--account ${JSON.stringify(v)} is not an account ID: give its 12 digits, such as 111122223333`);
      return digits;
    });
}

export function parsePositiveInt(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`${option} wants a whole number of 1 or more, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Comma-separated and repeated values alike: `-f html,md -f csv`. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  ];
}

export function parseFormats<F extends string>(requested: string[], known: readonly F[]): F[] {
  const unknown = requested.filter((f) => !(known as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UserError(`unknown format ${unknown.join(', ')}: choose from ${known.join(', ')}`);
  return known.filter((f) => requested.includes(f));
}

/** Repeatable file option: `--public-keys a.json --public-keys b.json` (not variadic, so paths after it stay paths). */
export function collectFiles(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
