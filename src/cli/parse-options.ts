import { UserError } from '../errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * An instant from an ISO 8601 date or date-time (UTC when no zone is given) or, when `now` is
 * given, a span back from it: `30m`, `24h`, `7d`, `2w`.
 */
export function parseInstant(value: string, option: string, now: number | null): number {
  const rel = /^(\d+)([mhdw])$/.exec(value);
  if (rel && now !== null) return now - Number(rel[1]) * UNITS[rel[2]];
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const zoned = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso) ? `${iso}Z` : iso;
  const t = /^\d{4}-\d{2}-\d{2}T/.test(zoned) ? Date.parse(zoned) : Number.NaN;
  if (Number.isNaN(t)) {
    const forms = now === null ? 'an ISO date such as 2026-11-20 or 2026-11-20T13:00Z' : 'an ISO date such as 2026-11-20, or a span back from now such as 24h, 7d, 2w';
    throw new UserError(`${option} ${JSON.stringify(value)} is not a time: give ${forms}`);
  }
  return t;
}

/** `--until 2026-11-20` means the end of that day, not its first millisecond. */
export function parseUntil(value: string): number {
  const t = parseInstant(value, '--until', null);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_400_000 - 1 : t;
}

export function parsePositiveInt(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`${option} wants a whole number of 1 or more, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Comma-separated and repeated values alike: `-f html,md -f csv`. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
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
