import { describe, expect, it } from 'vitest';
import { collectList, parseFormats, parseInstant, parsePositiveInt, parseUntil } from '../../src/cli/parse-options.js';
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
