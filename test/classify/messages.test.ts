import { describe, expect, test } from 'vitest';
import { classifyRecord, denialOf as denialIn, explain } from '../../src/classify/index.js';
import type { Denial } from '../../src/types.js';
import { loadMessageFixtures, type MessageFixture } from './fixture-table.js';

const fixtures = loadMessageFixtures();

/** A row with a record runs through classifyRecord; a bare message through explain. */
export function denialOf(row: MessageFixture): Denial {
  if (row.record === undefined) {
    const d = denialIn(explain(row.message, { errorCode: row.errorCode }));
    if (d === null) throw new Error('expected a denial, got "not a denial"');
    return d;
  }
  const c = classifyRecord({ ...row.record, errorCode: row.errorCode, errorMessage: row.message });
  if (c.kind !== 'denial') throw new Error(`expected a denial, got ${c.kind}`);
  return c.denial;
}

describe('message fixture table', () => {
  test('has at least 80 rows, all distinct', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    expect(new Set(fixtures.map((f) => `${f.errorCode} ${f.message} ${JSON.stringify(f.record ?? null)}`)).size).toBe(fixtures.length);
  });

  test.each(fixtures.map((f, i) => [i + 1, f.message.slice(0, 90), f] as const))('row %i: %s', (_n, _m, row) => {
    const d = denialOf(row);
    const got = {
      category: d.category,
      denyKind: d.denyKind,
      policyType: d.policyType,
      action: d.action,
      policyArn: d.policyArn,
      hints: d.hints,
      recognized: d.recognized,
      ...(row.expected.resource !== undefined ? { resource: d.resource } : {}),
    };
    expect(got).toEqual(row.expected);
    expect(d.message).toBe(row.message); // raw message kept as logged
    expect(d.errorCode).toBe(row.errorCode);
  });
});
