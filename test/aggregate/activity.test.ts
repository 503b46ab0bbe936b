// The bounded record of who was refused when (aggregate/activity.ts): entries per minute for each
// principal and address, what the burst rules leave out, and each bound (subjects, entries, tuples
// per minute).
import { describe, expect, it } from 'vitest';
import {
  Activity,
  E_ACTION,
  E_AGENT,
  E_COUNT,
  E_FIRST,
  E_LAST,
  E_MINUTE,
  E_OTHER,
  E_SIZE,
  TUPLE_CAP,
  entriesOf,
  outsideBursts,
  type Subject,
} from '../../src/aggregate/activity.js';
import { NAME_CAP, NOT_KEPT, Names, UNKNOWN } from '../../src/aggregate/names.js';
import { denial } from '../helpers/denial.js';

const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
/** The subject's entries as rows: [minute, action, other, agent, count, first, last, id] with names for ids. */
function rows(a: Activity, s: Subject): (string | number)[][] {
  const { t, ids } = entriesOf(s);
  return Array.from({ length: t.length / E_SIZE }, (_, k) => {
    const at = k * E_SIZE;
    return [
      t[at + E_MINUTE],
      a.names.name(t[at + E_ACTION]),
      a.names.name(t[at + E_OTHER]),
      a.names.name(t[at + E_AGENT]),
      t[at + E_COUNT],
      t[at + E_FIRST],
      t[at + E_LAST],
      ids[k],
    ];
  });
}

describe('Activity', () => {
  it("keeps each principal's denials per minute, with the tuples and the earliest sample; each address's made from them", () => {
    const a = new Activity();
    a.add(denial({ eventTime: '2026-11-19T10:43:00Z', eventId: 'c', action: 'iam:ListRoles' }));
    a.add(denial({ eventTime: '2026-11-19T10:42:30Z', eventId: 'b', action: 'iam:ListUsers' }));
    a.add(denial({ eventTime: '2026-11-19T10:42:10Z', eventId: 'z', action: 'iam:ListUsers', userAgent: 'boto3' }));
    a.add(denial({ eventTime: '2026-11-19T10:42:10Z', eventId: 'z', action: 'iam:ListUsers' }));
    a.add(denial({ eventTime: '2026-11-19T10:42:10Z', eventId: 'a', action: 'iam:ListUsers' }));
    const [p] = [...a.subjects('principal')];
    expect(p.key).toBe('arn:aws:iam::111122223333:role/ci');
    expect(p.denials).toBe(5);
    const m = minute('2026-11-19T10:42:00Z');
    expect(rows(a, p)).toEqual([
      // by minute, then action, other and agent ids: sorted and merged, whatever the order read
      [m, 'iam:ListUsers', '198.51.100.7', 'aws-cli/2.15.0', 3, 10, 30, 'a'], // the earliest, by second then event ID
      [m, 'iam:ListUsers', '198.51.100.7', 'boto3', 1, 10, 10, 'z'],
      [m + 1, 'iam:ListRoles', '198.51.100.7', 'aws-cli/2.15.0', 1, 0, 0, 'c'],
    ]);
    const [ip] = [...a.subjects('source-ip')];
    expect(ip.key).toBe('198.51.100.7');
    expect(rows(a, ip).map((r) => r[2])).toEqual(Array(3).fill('arn:aws:iam::111122223333:role/ci'));
  });

  it("leaves out what the published rules leave out: AWS services, the console's own calls; and denials without a time", () => {
    expect(outsideBursts(denial({ principalType: 'AWSService' }))).toBe(true);
    expect(outsideBursts(denial({ sourceIp: 'config.amazonaws.com' }))).toBe(true);
    expect(outsideBursts(denial({ sourceIp: 'AWS Internal' }))).toBe(true);
    expect(outsideBursts(denial({ userAgent: 'aws-internal/3 aws-sdk-java/1.12' }))).toBe(true);
    expect(outsideBursts(denial({ userAgent: '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750]' }))).toBe(true);
    expect(outsideBursts(denial({ userAgent: 'AWS Internal' }))).toBe(true);
    expect(outsideBursts(denial())).toBe(false);
    const a = new Activity();
    a.add(denial({ eventTime: '' }));
    a.add(denial({ principalType: 'AWSService' }));
    expect(a.entries).toBe(0);
  });

  it('places what it knows of an aggregated query-results row: all of it within one minute; else its samples and its last time', () => {
    const a = new Activity();
    a.add(denial({ eventTime: '2026-11-19T10:00:05Z' }), { count: 7, lastTime: '2026-11-19T10:00:50Z', samples: [{ time: '2026-11-19T10:00:05Z', id: 's1' }] });
    const samples = ['10:00:05', '10:20:00', '11:00:00'].map((t, i) => ({ time: `2026-11-19T${t}Z`, id: `s${i + 2}` }));
    a.add(denial({ eventTime: '2026-11-19T10:00:05Z' }), { count: 6, lastTime: '2026-11-19T14:00:00Z', samples });
    a.add(denial({ eventTime: '2026-11-19T12:00:00Z' }), { count: 2, lastTime: '2026-11-19T12:30:00Z', samples: samples.slice(0, 2) });
    const [p] = [...a.subjects('principal')];
    expect(p.denials).toBe(7 + 4 + 2); // 3 samples and the last time of the second row; both of the third
    expect(rows(a, p).some((r) => r[0] === minute('2026-11-19T14:00:00Z'))).toBe(true);
    expect(a.unplaced).toBe(2);
  });

  it('keeps the most active subjects past twice the cap, and says how many it dropped and their most denials', () => {
    const a = new Activity(3);
    const add = (who: string, n: number) => {
      for (let i = 0; i < n; i++) a.add(denial({ principal: who, sourceIp: '10.0.0.1', eventTime: `2026-11-19T10:${String(i).padStart(2, '0')}:00Z` }));
    };
    add('p-big', 9);
    for (const [i, who] of ['p1', 'p2', 'p3', 'p4', 'p5'].entries()) add(who, i + 1);
    add('p6', 1); // the seventh principal: 7 > 2 × 3, so the 3 most active stay
    expect([...a.subjects('principal')].map((s) => s.key).sort()).toEqual(['p-big', 'p4', 'p5']);
    expect(a.dropped).toBe(4);
    expect(a.maxDropped).toBe(3);
  });

  it('past the entry budget, merges alike entries first, then drops the least active subjects', () => {
    const merged = new Activity(1000, 12);
    // the same tuple in the same minute, read out of order: appended apart, merged when room is made
    for (let i = 0; i < 10; i++) merged.add(denial({ eventTime: `2026-11-19T10:0${i % 2}:0${i}Z`, eventId: `e${i}` }));
    expect(merged.dropped).toBe(0);
    expect(rows(merged, [...merged.subjects('principal')][0]).map((r) => r[4])).toEqual([5, 5]);
    const a = new Activity(1000, 20);
    for (let i = 0; i < 15; i++) a.add(denial({ principal: 'busy', sourceIp: `10.0.1.${i}`, eventTime: `2026-11-19T10:${String(i).padStart(2, '0')}:00Z` }));
    for (let i = 0; i < 10; i++) a.add(denial({ principal: `once-${i}`, eventTime: '2026-11-19T11:00:00Z' }));
    // the 21st entry (once-5) makes room: nothing to merge, so the least active go until 15 are left
    expect(a.entries).toBe(19);
    expect([...a.subjects('principal')].map((s) => s.key)).toEqual(['busy', 'once-6', 'once-7', 'once-8', 'once-9']);
    expect([a.dropped, a.maxDropped]).toEqual([6, 1]);
  });

  it('counts what no longer fits in a minute under the action alone: distinct counts become lower bounds', () => {
    const a = new Activity();
    for (let i = 0; i < TUPLE_CAP + 10; i++) a.add(denial({ sourceIp: `10.0.2.${i}`, eventTime: '2026-11-19T10:00:00Z' }));
    const [p] = [...a.subjects('principal')];
    expect(p.t.length).toBe((TUPLE_CAP + 1) * E_SIZE); // bounded as the denials come, not only when compacted
    const { t } = entriesOf(p);
    expect(t.length).toBe((TUPLE_CAP + 1) * E_SIZE);
    const overflow = Array.from({ length: TUPLE_CAP + 1 }, (_, k) => k * E_SIZE).filter((at) => t[at + E_OTHER] === UNKNOWN);
    expect(overflow.map((at) => [t[at + E_AGENT], t[at + E_COUNT]])).toEqual([[UNKNOWN, 10]]);
  });

  it('holds a minute to 2 × TUPLE_CAP + 1 entries, read in order or not, and compacting again changes nothing', () => {
    // 3 × TUPLE_CAP actions, each from two addresses, all in one minute: TUPLE_CAP tuples keep their
    // address, TUPLE_CAP actions count the rest without it, the other actions in one (-, -, -)
    const ds = Array.from({ length: 6 * TUPLE_CAP }, (_, i) =>
      denial({ eventId: `e${i}`, action: `svc:A${i % (3 * TUPLE_CAP)}`, sourceIp: `10.0.4.${i % 2}`, eventTime: '2026-11-19T10:00:00Z' }),
    );
    const inOrder = new Activity();
    for (const d of ds) inOrder.add(d);
    const shuffled = new Activity();
    for (const d of [denial({ eventTime: '2026-11-19T10:05:00Z' }), ...ds]) shuffled.add(d); // a later minute first: appended apart, bounded when compacted
    for (const a of [inOrder, shuffled]) {
      const [p] = [...a.subjects('principal')];
      const { t } = entriesOf(p);
      const inMinute = Array.from({ length: t.length / E_SIZE }, (_, k) => k * E_SIZE).filter((at) => t[at + E_MINUTE] === minute('2026-11-19T10:00:00Z'));
      expect(inMinute.length).toBe(2 * TUPLE_CAP + 1);
      expect(inMinute.filter((at) => t[at + E_OTHER] !== UNKNOWN).length).toBe(TUPLE_CAP);
      expect(inMinute.filter((at) => t[at + E_OTHER] === UNKNOWN && t[at + E_ACTION] !== UNKNOWN).length).toBe(TUPLE_CAP);
      expect(inMinute.filter((at) => t[at + E_ACTION] === UNKNOWN).length).toBe(1);
      expect(inMinute.reduce((n, at) => n + t[at + E_COUNT], 0)).toBe(ds.length); // every denial counted
      const before = rows(a, p);
      p.compacted = false;
      expect(rows(a, p)).toEqual(before);
    }
    expect([...inOrder.subjects('principal')][0].t.length).toBe((2 * TUPLE_CAP + 1) * E_SIZE); // never more, as they came
  });

  it("makes the per-address view from the principals' entries, again after more denials", () => {
    const a = new Activity();
    const spray = (user: string, at: string) =>
      a.add(denial({ principal: user, principalType: 'IAMUser', action: 'signin:ConsoleLogin', sourceIp: '203.0.113.9', eventTime: at }));
    spray('alice', '2026-11-19T10:00:00Z');
    spray('bob', '2026-11-19T10:00:20Z');
    a.add(denial({ sourceIp: '198.51.100.7', eventTime: '2026-11-19T10:01:00Z' }));
    const view = () => [...a.subjects('source-ip')].map((s) => [s.key, s.denials, rows(a, s).map((r) => r[2])]);
    expect(view()).toEqual([
      ['203.0.113.9', 2, ['alice', 'bob']],
      ['198.51.100.7', 1, ['arn:aws:iam::111122223333:role/ci']],
    ]);
    spray('carol', '2026-11-19T10:00:40Z');
    expect(view()[0]).toEqual(['203.0.113.9', 3, ['alice', 'bob', 'carol']]);
    expect(a.entries).toBe(4); // the view is not counted against the budget of the fold's record
    // out of order: 10:01 appended apart from the 10:01 entry, merged when the view compacts the principal
    a.add(denial({ sourceIp: '198.51.100.7', eventTime: '2026-11-19T10:00:30Z' }));
    a.add(denial({ sourceIp: '198.51.100.7', eventTime: '2026-11-19T10:01:30Z' }));
    expect(a.entries).toBe(6);
    expect(view()[1]).toEqual(['198.51.100.7', 3, ['arn:aws:iam::111122223333:role/ci', 'arn:aws:iam::111122223333:role/ci']]);
    expect(a.entries).toBe(5);
  });

  it('merges two parts of a stream as one stream adds them', () => {
    const ds = Array.from({ length: 40 }, (_, i) =>
      denial({
        eventId: `e${i}`,
        principal: `p${i % 3}`,
        action: `svc:A${i % 7}`,
        sourceIp: `10.0.3.${i % 5}`,
        eventTime: `2026-11-19T10:${String(i % 20).padStart(2, '0')}:${String(i).padStart(2, '0')}Z`,
      }),
    );
    const whole = new Activity();
    for (const d of ds) whole.add(d);
    const left = new Activity();
    const right = new Activity();
    for (const d of ds.slice(0, 17)) left.add(d);
    for (const d of ds.slice(17)) right.add(d);
    left.merge(right);
    const view = (a: Activity) => [...a.subjects('principal')].map((s) => [s.key, s.denials, rows(a, s).sort()]).sort();
    expect(view(left)).toEqual(view(whole));
  });
});

describe('Names', () => {
  it('gives small ids up to its cap, hashed ids past it, and says which names it did not keep', () => {
    const n = new Names(2);
    expect([n.id('a'), n.id('b'), n.id('a')]).toEqual([0, 1, 0]);
    const c = n.id('c');
    expect(c).toBeGreaterThanOrEqual(2);
    expect(n.id('c')).toBe(c);
    expect(n.name(c)).toBe(NOT_KEPT);
    expect(n.name(UNKNOWN)).toBe('(more)');
    expect(NAME_CAP).toBeGreaterThan(10_000);
  });
});
