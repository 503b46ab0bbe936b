// eventTime → milliseconds: CloudTrail's own shape digit by digit, anything else by Date.parse; the
// answer is Date.parse's in every case (NaN for no time), only faster for the usual shape.
import { describe, expect, it } from 'vitest';
import { timeOf } from '../../src/aggregate/time-of.js';

describe('timeOf', () => {
  it.each([
    '2026-11-19T10:42:07Z',
    '2024-02-29T23:59:59Z',
    '1999-12-31T00:00:00Z',
    '2026-11-19T10:42:07.123Z',
    '2026-11-19T10:42:07+02:00',
    '2026-11-19',
    '',
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-11-19T24:00:00Z',
    '2026-11-19T10:60:00Z',
    '2O26-11-19T10:42:07Z',
  ])('%j as Date.parse reads it', (s) => {
    expect(Object.is(timeOf(s), Date.parse(s))).toBe(true);
  });
});
