// Aggregated query-results rows (runs): counted as the denials they stand for, in every total,
// breakdown and group; a window that cuts a row is said, not guessed.
import { describe, expect, it } from 'vitest';
import { Folder, NO_FILTER, compileSuppression, toSummary } from '../../src/aggregate/index.js';
import type { DenialRun, FileScan } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const run = (count: number, lastTime: string, samples: DenialRun['samples'] = []): DenialRun => ({ count, lastTime, samples });

function scanOf(entries: FileScan['entries'], duplicates = 0): FileScan {
  const records = entries.reduce((n, e) => n + (e.kind === 'denial' && e.run ? e.run.count : 1), 0) + duplicates;
  return {
    path: 'results.csv',
    bytes: 0,
    records,
    noError: 0,
    damagedRecords: 0,
    recordIssues: [],
    entries,
    error: null,
    queryResults: { rows: entries.length, aggregated: true, duplicates },
  };
}

const meta = { title: 't', version: 'test', filter: NO_FILTER };

describe('runs', () => {
  it('count as many denials as they stand for, one at a time alike', () => {
    const a = denial({ eventTime: '2026-11-16T10:00:00Z', eventId: 'a1' });
    const weighted = new Folder(NO_FILTER);
    weighted.add(
      scanOf(
        [
          {
            kind: 'denial',
            denial: a,
            run: run(3, '2026-11-16T12:00:00Z', [
              { time: '2026-11-16T10:00:00Z', id: 'a1' },
              { time: '2026-11-16T11:00:00Z', id: 'a2' },
              { time: '2026-11-16T12:00:00Z', id: 'a3' },
            ]),
          },
        ],
        2,
      ),
    );
    const single = new Folder(NO_FILTER);
    single.add({
      ...scanOf([]),
      queryResults: undefined,
      records: 3,
      entries: ['a1', 'a2', 'a3'].map((id, i) => ({ kind: 'denial' as const, denial: denial({ eventId: id, eventTime: `2026-11-16T1${i}:00:00Z` }) })),
    });
    const w = toSummary(weighted.state, meta);
    const s = toSummary(single.state, meta);
    expect(w.groups).toEqual(s.groups);
    expect(w.timeline).toEqual(s.timeline);
    expect(w.window).toEqual(s.window);
    expect(w.totals).toMatchObject({ records: 5, denials: 3, duplicates: 2 });
    expect(w.queryResults).toEqual({ files: 1, rows: 1, aggregatedRows: 1, records: 5, scannedRecords: null });
  });

  it('are suppressed as a whole', () => {
    const suppression = compileSuppression({ source: 'rules', asOf: '2026-11-20', rules: [{ match: { action: 's3:*' }, reason: 'known', expires: null }] });
    const f = new Folder(NO_FILTER, () => {}, { suppression });
    f.add(scanOf([{ kind: 'denial', denial: denial(), run: run(7, '2026-11-16T10:00:00Z') }]));
    expect(f.state.totals).toMatchObject({ denials: 0, suppressed: 7 });
  });

  it.each([
    ['inside the window', '2026-11-16T00:00:00Z', '2026-11-16T23:59:59Z', 'in'],
    ['before it', '2026-11-17T00:00:00Z', '2026-11-18T00:00:00Z', 'out'],
    ['across its start', '2026-11-16T11:00:00Z', '2026-11-17T00:00:00Z', 'straddles'],
    ['around all of it', '2026-11-16T10:30:00Z', '2026-11-16T11:00:00Z', 'straddles'],
  ])('a row %s', (_name, since, until, verdict) => {
    const filter = { ...NO_FILTER, since: Date.parse(since), until: Date.parse(until) };
    const f = new Folder(filter);
    f.add(scanOf([{ kind: 'denial', denial: denial({ eventTime: '2026-11-16T10:00:00Z' }), run: run(5, '2026-11-16T12:00:00Z') }]));
    const t = f.state.totals;
    expect(t.denials + t.excludedByFilter).toBe(5);
    expect(t.denials).toBe(verdict === 'in' ? 5 : 0);
    expect(f.state.issues.map((i) => i.reason)).toEqual(
      verdict === 'straddles'
        ? [expect.stringContaining("an aggregated row of 5 denials (2026-11-16T10:00:00Z to 2026-11-16T12:00:00Z) crosses the window's edge")]
        : [],
    );
  });

  it('count n hits for a --principal glob', () => {
    const f = new Folder({ ...NO_FILTER, principals: ['nobody'] });
    f.add(scanOf([{ kind: 'denial', denial: denial(), run: run(4, '2026-11-16T10:00:00Z') }]));
    expect(f.filterMisses()).toEqual({ misses: [{ option: '--principal', glob: 'nobody' }], denials: 4 });
  });
});
