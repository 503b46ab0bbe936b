import { describe, expect, it } from 'vitest';
import { collectList, parseAccounts, parseFormats, parseInstant, parsePositiveInt, parseUntil, parseWindow } from '../../src/cli/parse-options.js';
import { UserError } from '../../src/errors.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('options', () => {
  it('reads ISO dates, date-times and spans back from now', () => {
    expect(parseInstant('2026-11-20', '--since', NOW)).toBe(Date.parse('2026-11-20T00:00:00Z'));
    expect(parseInstant('2026-11-20T13:05', '--since', NOW)).toBe(Date.parse('2026-11-20T13:05:00Z'));
    expect(parseInstant('2026-11-20T13:05:00+02:00', '--since', NOW)).toBe(Date.parse('2026-11-20T11:05:00Z'));
    expect(parseInstant('24h', '--since', NOW)).toBe(NOW - 86_400_000);
    expect(parseInstant('7d', '--since', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseUntil('2026-11-20')).toBe(Date.parse('2026-11-21T00:00:00Z') - 1);
  });
  it('rejects what is not a time with a message saying what is', () => {
    expect(() => parseInstant('last week', '--since', NOW)).toThrow(UserError);
    expect(() => parseInstant('7d', '--until', null)).toThrow(/--until "7d" is not a time/);
    expect(() => parseInstant('2026-13-45', '--since', NOW)).toThrow(UserError);
  });
  it('validates numbers and formats', () => {
    expect(parsePositiveInt('20', '--top')).toBe(20);
    expect(() => parsePositiveInt('0', '--top')).toThrow(/--top/);
    expect(collectList('html, md', ['csv'])).toEqual(['csv', 'html', 'md']);
    expect(parseFormats(['md', 'html'], ['html', 'md', 'json'] as const)).toEqual(['html', 'md']);
    expect(() => parseFormats(['pdf'], ['html', 'md'] as const)).toThrow(/unknown format pdf: choose from html, md/);
  });
});

describe('dates that do not exist, windows that end before they start, account IDs that are not one', () => {
  it.each([
    ['2026-02-30', /--since "2026-02-30" is not a date: 2026-02 has 28 days/],
    ['2024-02-30', /2024-02 has 29 days/],
    ['2026-04-31', /2026-04 has 30 days/],
    ['2026-13-01', /there is no month 13/],
    ['2026-00-10', /there is no month 00/],
    ['2026-11-00', /there is no day 00/],
    ['2026-11-20T24:00', /is not a time: there is no hour 24/],
    ['2026-11-20T13:60', /there is no minute 60/],
    ['2026-11-20T13:05:61Z', /there is no second 61/],
    ['2026-11-20T13:05+25:00', /there is no zone offset \+25:00/],
  ])('--since %s is refused, not moved to another day', (value, message) => {
    expect(() => parseInstant(value, '--since', NOW)).toThrow(UserError);
    expect(() => parseInstant(value, '--since', NOW)).toThrow(message);
  });

  it('still reads every form it read before', () => {
    expect(parseInstant('2024-02-29', '--since', NOW)).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(parseInstant('2026-11-20T13:05:09.250Z', '--since', NOW)).toBe(Date.parse('2026-11-20T13:05:09.250Z'));
    expect(parseInstant('2026-11-20T13:05-0130', '--since', NOW)).toBe(Date.parse('2026-11-20T14:35:00Z'));
    expect(parseInstant('2026-11-20t13:05z', '--since', NOW)).toBe(Date.parse('2026-11-20T13:05:00Z'));
  });

  it('refuses a --since after --until, naming both', () => {
    expect(parseWindow({ since: '2026-11-10', until: '2026-11-20' }, NOW)).toEqual({
      since: Date.parse('2026-11-10T00:00:00Z'),
      until: Date.parse('2026-11-21T00:00:00Z') - 1,
    });
    expect(parseWindow({}, NOW)).toEqual({ since: null, until: null });
    expect(() => parseWindow({ since: '2026-11-20', until: '2026-11-10' }, NOW)).toThrow(
      '--since 2026-11-20 (2026-11-20T00:00:00.000Z) is after --until 2026-11-10 (2026-11-10T23:59:59.999Z): nothing can fall in that window; give the earlier time as --since',
    );
    expect(() => parseWindow({ since: '7d', until: '2026-11-01' }, NOW)).toThrow(/--since 7d \(2026-11-16T12:00:00.000Z\) is after --until 2026-11-01/);
    // one instant is a window of its own
    expect(parseWindow({ since: '2026-11-20T10:00Z', until: '2026-11-20T10:00Z' }, NOW).since).toBe(Date.parse('2026-11-20T10:00:00Z'));
  });

  it('reads account IDs of 12 digits (also written in groups or comma-separated) and refuses the rest', () => {
    expect(parseAccounts(['111122223333', '4444-5555-6666', '777788889999,123456789012'])).toEqual([
      '111122223333',
      '444455556666',
      '777788889999',
      '123456789012',
    ]);
    expect(parseAccounts([])).toEqual([]);
    for (const bad of ['1111', '1111222233334', 'prod', '11112222333a']) {
      expect(() => parseAccounts([bad])).toThrow(UserError);
      expect(() => parseAccounts([bad])).toThrow(`--account ${JSON.stringify(bad)} is not an account ID: give its 12 digits, such as 111122223333`);
    }
  });
});
