import { describe, expect, it } from 'vitest';
import { Folder, NO_FILTER, mergeStates, newState, toSummary } from '../../src/aggregate/index.js';
import type { Denial, FileScan, ScanEntry } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

function scan(path: string, entries: ScanEntry[], over: Partial<FileScan> = {}): FileScan {
  return { path, bytes: 100, records: entries.length, noError: 0, damagedRecords: 0, recordIssues: [], entries, error: null, ...over };
}
const d = (over: Partial<Denial>): ScanEntry => ({ kind: 'denial', denial: denial(over) });
const other = (code: string, eventId: string, eventTime = '2026-11-16T10:00:00Z'): ScanEntry => ({
  kind: 'other-error',
  errorCode: code,
  eventId,
  eventTime,
  account: '111122223333',
  region: 'us-east-1',
});
const meta = { title: 't', version: '0.0.0', filter: NO_FILTER };

describe('Folder', () => {
  it('takes what discovery found: files found, pruned and skipped before reading, damaged archives listed first', () => {
    const f = new Folder(NO_FILTER);
    f.add(scan('b.json', [], { error: 'gzip data ends early (truncated file)' }));
    f.add(scan('c.json', [], { skip: 'not-a-log-file' }));
    f.addDiscovery({
      found: 6,
      pruned: ['p1', 'p2'],
      skipped: [{ path: 'd.json.gz', reason: 'digest-file' }],
      damaged: [{ path: 'a.zip', reason: 'no central directory' }],
    });
    const s = toSummary(f.state, meta);
    expect(s.files).toMatchObject({ found: 6, read: 0, pruned: 2, skipped: 2, damaged: 2 });
    expect(s.files.skippedFiles.map((x) => x.path)).toEqual(['c.json', 'd.json.gz']);
    expect(f.state.issues.map((i) => i.path)).toEqual(['a.zip', 'b.json']);
  });

  it('drops duplicate deliveries by event ID, keeping the first file in order', () => {
    const seen: string[] = [];
    const f = new Folder(NO_FILTER, (x) => seen.push(`${x.eventId}@${x.region}`));
    f.add(scan('a', [d({ eventId: '1', region: 'r-a' }), other('ThrottlingException', '2')], { records: 5, noError: 3 }));
    f.add(scan('b', [d({ eventId: '1', region: 'r-b' }), other('ThrottlingException', '2'), d({ eventId: '3' })], { records: 3 }));
    const t = f.state.totals;
    expect(t).toMatchObject({ records: 8, denials: 2, otherErrors: 1, noError: 3, duplicates: 2, excludedByFilter: 0 });
    expect(t.records).toBe(t.denials + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates);
    expect(seen).toEqual(['1@r-a', '3@us-east-1']);
  });

  it('applies the time window to every error and the globs to denials only', () => {
    const filter = { ...NO_FILTER, since: Date.parse('2026-11-16T00:00:00Z'), principals: ['*:role/ci'], actions: ['S3:*'] };
    const f = new Folder(filter);
    f.add(
      scan('a', [
        d({ eventId: '1' }),
        d({ eventId: '2', eventTime: '2026-11-15T23:59:59Z' }),
        d({ eventId: '3', principal: 'arn:aws:iam::1:user/bob' }),
        d({ eventId: '4', action: 'ec2:RunInstances' }),
        d({ eventId: '5', eventTime: 'yesterday' }),
        other('X', '6'),
        other('X', '7', '2026-11-01T00:00:00Z'),
      ]),
    );
    expect(f.state.totals).toMatchObject({ records: 7, denials: 1, otherErrors: 1, excludedByFilter: 5 });
  });

  it('a scan whose content showed it is not a log is a skipped file: none of its counts enter the totals', () => {
    const f = new Folder(NO_FILTER);
    f.add(scan('keys.json', [], { records: 0, skip: 'not-a-log-file' }));
    f.add(scan('copy/summary.json', [], { records: 0, skip: 'own-output' }));
    const s = toSummary(f.state, meta);
    expect(s.files).toMatchObject({ read: 0, skipped: 2, damaged: 0 });
    expect(s.files.skippedByReason).toEqual([
      { key: 'not-a-log-file', count: 1 },
      { key: 'own-output', count: 1 },
    ]);
    expect(s.totals.records).toBe(0);
  });

  describe('duplicates: the same eventID and the same content', () => {
    const id = '3f1c2a9e-5b7d-4e21-9c8a-0d6e4b2f7a11';
    const at = (fingerprint: string, over: Partial<Denial> = {}): ScanEntry => ({ kind: 'denial', denial: denial({ eventId: id, ...over }), fingerprint });
    const b = (n: number) => `b${String(n).padStart(16, '0')}`;
    const c = (n: number) => `c${String(n).padStart(16, '0')}`;

    it('equal bytes decide at once: a duplicate, nothing to read again', () => {
      const f = new Folder(NO_FILTER);
      f.add(scan('a', [at(b(1))]));
      expect(f.undecided(scan('b', [at(b(1))]))).toBeNull();
      f.add(scan('b', [at(b(1))]));
      expect(f.state.totals).toMatchObject({ denials: 1, duplicates: 1 });
    });

    it('other bytes decide nothing: both records are read again by content first', () => {
      const f = new Folder(NO_FILTER);
      f.add(scan('zero', [d({ eventId: 'unrelated' })]));
      f.add(scan('a', [at(b(1))]));
      expect(f.undecided(scan('b', [at(b(2))]))).toEqual({ current: true, files: [1] });
      expect(f.undecided(scan('b', [at(c(2))]))).toEqual({ current: false, files: [1] }); // read by content already (stream-json)
      expect(f.undecided(scan('b', [at(b(3)), at(b(3))]))).toEqual({ current: true, files: [1] });
      expect(f.undecided(scan('b', [d({ eventId: 'new' }), at(b(1)), d({ eventId: 'new', region: 'x' })]))).toBeNull(); // hand-built: by content
    });

    it('a repeat inside one file with other bytes: that file is read again; when it is, the earlier files its IDs came from too', () => {
      const f = new Folder(NO_FILTER);
      f.add(scan('a', [at(b(1))]));
      const other = '00000000-0000-4000-8000-000000000001';
      const inFile = [{ ...at(b(5)), denial: denial({ eventId: other }) }, { ...at(b(6)), denial: denial({ eventId: other }) }, at(b(1))];
      expect(f.undecided(scan('b', inFile))).toEqual({ current: true, files: [0] });
    });

    it('once learned by content: the same content is a duplicate, other content a conflict (listed, both counted)', () => {
      for (const [second, duplicates, denials] of [
        [c(1), 1, 1],
        [c(2), 0, 2],
      ] as const) {
        const f = new Folder(NO_FILTER);
        f.add(scan('a', [at(b(1))]));
        f.learn(0, scan('a', [at(c(1))]));
        expect(f.undecided(scan('b', [at(second, { region: 'r-b' })]))).toBeNull();
        f.add(scan('b', [at(second, { region: 'r-b' })]));
        expect(f.state.totals).toMatchObject({ records: 2, denials, duplicates });
        const s = toSummary(f.state, meta);
        expect(s.issues.map((i) => [i.path, i.kind])).toEqual(duplicates ? [] : [['b', 'conflicting-event-id']]);
        if (!duplicates) expect(s.issues[0].reason).toBe(`eventID "${id}" is also the ID of a different record in a: both are counted`);
      }
    });
  });

  it('reports damaged files and damaged records as issues', () => {
    const f = new Folder(NO_FILTER);
    f.add(
      scan('a', [], {
        records: 2,
        noError: 2,
        error: 'gzip data ends early (truncated file)',
        damagedRecords: 1,
        recordIssues: ['record is null, not an object'],
      }),
    );
    const s = toSummary(f.state, meta);
    expect(s.files).toMatchObject({ read: 0, damaged: 1 });
    expect(s.issues).toEqual([
      { path: 'a', kind: 'file', reason: 'gzip data ends early (truncated file)', recordsKept: 2 },
      { path: 'a', kind: 'record', reason: 'record is null, not an object', recordsKept: 0 },
    ]);
    expect(s.totals.damagedRecords).toBe(1);
  });
});

describe('groups and breakdowns', () => {
  const denials = [
    denial({ eventId: 'a', eventTime: '2026-11-17T01:00:00Z', resource: 'r1', hints: ['mfa-absent'] }),
    denial({ eventId: 'b', eventTime: '2026-11-16T01:00:00Z', resource: 'r2', sessionName: 's2' }),
    denial({ eventId: 'c', eventTime: '2026-11-18T01:00:00Z', resource: 'r1' }),
    denial({ eventId: 'd', eventTime: '2026-11-15T01:00:00Z', resource: null }),
    denial({ eventId: 'e', policyType: 'identity-based', denyKind: 'implicit', action: 'kms:Decrypt', recognized: false, message: 'odd' }),
  ];

  function fold(order: Denial[]): ReturnType<typeof toSummary> {
    const f = new Folder(NO_FILTER);
    f.add(
      scan(
        'x',
        order.map((x) => ({ kind: 'denial', denial: x })),
      ),
    );
    return toSummary(f.state, meta);
  }

  it('groups by principal, action, policy type and deny kind with counts, span, tallies and earliest samples', () => {
    const s = fold(denials);
    expect(s.groups.map((g) => [g.key, g.count])).toEqual([
      ['arn:aws:iam::111122223333:role/ci | s3:GetObject | service-control-policy | explicit', 4],
      ['arn:aws:iam::111122223333:role/ci | kms:Decrypt | identity-based | implicit', 1],
    ]);
    const g = s.groups[0];
    expect([g.firstSeen, g.lastSeen]).toEqual(['2026-11-15T01:00:00Z', '2026-11-18T01:00:00Z']);
    expect(g.resources).toEqual([
      { key: 'r1', count: 2 },
      { key: 'r2', count: 1 },
    ]);
    expect(g.sessionNames).toEqual([
      { key: 'build-1', count: 3 },
      { key: 's2', count: 1 },
    ]);
    expect(g.sampleEventIds).toEqual(['d', 'b', 'a']);
    expect(s.byPolicyType).toEqual([
      { key: 'service-control-policy', count: 4 },
      { key: 'identity-based', count: 1 },
    ]);
    expect(s.byService).toEqual([
      { key: 's3', count: 4 },
      { key: 'kms', count: 1 },
    ]);
    expect(s.timeline.map((t) => t.key)).toEqual(['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18']);
    expect(s.unrecognizedMessages).toEqual([{ key: 'odd', count: 1 }]);
    expect(s.window).toMatchObject({ firstDenial: '2026-11-15T01:00:00Z', lastDenial: '2026-11-18T01:00:00Z' });
  });

  it('gives the same summary whatever the order of denials', () => {
    expect(JSON.stringify(fold([...denials].reverse()))).toBe(JSON.stringify(fold(denials)));
  });

  it('merges partial states associatively and order-independently', () => {
    const part = (xs: Denial[]) => {
      const f = new Folder(NO_FILTER);
      f.add(
        scan(
          'p',
          xs.map((x) => ({ kind: 'denial', denial: x })),
        ),
      );
      return f.state;
    };
    const [a, b, c] = [part(denials.slice(0, 2)), part(denials.slice(2, 4)), part(denials.slice(4))];
    const left = toSummary(mergeStates(mergeStates(a, b), c), meta);
    const right = toSummary(mergeStates(a, mergeStates(c, b)), meta);
    const whole = toSummary(mergeStates(newState(), part(denials)), meta);
    expect(JSON.stringify(left)).toBe(JSON.stringify(right));
    expect(left.groups).toEqual(whole.groups);
    expect(left.totals.denials).toBe(5);
  });
});
