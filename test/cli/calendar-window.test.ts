import { describe, expect, it } from 'vitest';
import { calendarWindow, isoWeekOf, isoWeekRange, isoWeeksInYear, previousDay, previousIsoWeek } from '../../src/cli/calendar-window.js';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('ISO weeks', () => {
  it.each([
    ['2026-W47', '2026-11-16T00:00:00.000Z', '2026-11-22T23:59:59.999Z'],
    ['2026-W01', '2025-12-29T00:00:00.000Z', '2026-01-04T23:59:59.999Z'], // week 1 starts in the previous year
    ['2026-W53', '2026-12-28T00:00:00.000Z', '2027-01-03T23:59:59.999Z'], // 2026 starts on a Thursday: 53 weeks
    ['2027-W01', '2027-01-04T00:00:00.000Z', '2027-01-10T23:59:59.999Z'], // holds 4 January, a Monday
    ['2020-W53', '2020-12-28T00:00:00.000Z', '2021-01-03T23:59:59.999Z'], // leap year starting on a Wednesday
    ['2021-W01', '2021-01-04T00:00:00.000Z', '2021-01-10T23:59:59.999Z'],
    ['2015-W53', '2015-12-28T00:00:00.000Z', '2016-01-03T23:59:59.999Z'],
    ['2024-W01', '2024-01-01T00:00:00.000Z', '2024-01-07T23:59:59.999Z'],
  ])('%s runs from Monday %s to Sunday %s (UTC)', (label, since, until) => {
    const r = isoWeekRange(label);
    expect([iso(r.since), iso(r.until), r.label]).toEqual([since, until, label]);
  });

  it('counts 52 or 53 weeks a year', () => {
    expect([2015, 2020, 2021, 2025, 2026, 2027, 2032].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 53, 52, 53]);
  });

  it('puts days near New Year in the week their Thursday decides', () => {
    expect(isoWeekOf(at('2027-01-03T23:59:59Z'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(at('2027-01-04T00:00:00Z'))).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf(at('2025-12-29T00:00:00Z'))).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf(at('2021-01-01T12:00:00Z'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(at('2026-11-20T10:00:00Z'))).toEqual({ year: 2026, week: 47 });
  });

  it('steps back one week across year ends, and one day across month ends', () => {
    expect(previousIsoWeek('2026-W47')).toBe('2026-W46');
    expect(previousIsoWeek('2027-W01')).toBe('2026-W53');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
    expect(previousIsoWeek('2021-W01')).toBe('2020-W53');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  it.each([
    ['2026-W54', /2026 has weeks W01 to W53/],
    ['2027-W53', /2027 has weeks W01 to W52/],
    ['2026-W00', /W01 to W53/],
    ['2026-47', /not an ISO week/],
  ])('refuses %s', (label, message) => expect(() => isoWeekRange(label)).toThrow(message));
});

describe('calendarWindow', () => {
  const now = at('2026-11-20T10:30:00Z');

  it('is null without --week, --day or --last', () => {
    expect(calendarWindow({ since: '7d' }, now)).toBeNull();
  });

  it('gives label and folder name per kind', () => {
    expect(calendarWindow({ week: '2026-W47' }, now)).toMatchObject({ kind: 'week', label: '2026-W47', slug: '2026-W47' });
    const day = calendarWindow({ day: '2026-11-20' }, now)!;
    expect([iso(day.since), iso(day.until), day.slug]).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-20T23:59:59.999Z', '2026-11-20']);
    const last = calendarWindow({ last: '7d' }, now)!;
    expect([iso(last.since), iso(last.until), last.label, last.slug]).toEqual(['2026-11-13T10:30:00.000Z', '2026-11-20T10:30:00.000Z', 'last 7d', 'last-7d']);
    expect(calendarWindow({ last: '24h' }, now)!.since).toBe(now - 86_400_000);
    expect(calendarWindow({ last: '2w' }, now)!.since).toBe(now - 14 * 86_400_000);
  });

  it.each([
    [{ week: '2026-W47', day: '2026-11-20' }, /--week cannot be combined with --day/],
    [{ day: '2026-11-20', since: '7d' }, /--day cannot be combined with --since/],
    [{ last: '7d', until: '2026-11-20' }, /--last cannot be combined with --until/],
    [{ day: '2026-02-30' }, /not a date/],
    [{ last: '7 days' }, /give a span such as 24h, 7d or 2w/],
    [{ last: '0d' }, /give a span/],
  ])('refuses %j', (flags, message) => expect(() => calendarWindow(flags, now)).toThrow(message));
});
