import { describe, expect, it } from 'vitest';
import { buildViewModel } from '../../src/render/build-view-model.js';
import { principalName } from '../../src/render/principal-name.js';
import { cut, inlineList, shareRows } from '../../src/render/cut-list.js';
import { formatCount, formatShare } from '../../src/render/format-count.js';
import { splitCode } from '../../src/render/guidance-view.js';
import type { GuideKey } from '../../src/render/options.js';
import { fillDays, timelineChart } from '../../src/render/timeline-chart.js';
import { fakeGuide, loadSummary } from './helpers.js';

describe('lists cut at --top', () => {
  it('says how many were left out', () => {
    expect(cut([1, 2, 3, 4, 5], 2)).toEqual({ items: [1, 2], total: 5, more: 3, empty: false });
    expect(cut([], 2)).toEqual({ items: [], total: 0, more: 0, empty: true });
    expect(cut([1], 0).more).toBe(1);
  });
  it('keeps the Summary order (ties are already broken by key upstream)', () => {
    const rows = shareRows(
      [
        { key: 'b', count: 2 },
        { key: 'a', count: 2 },
        { key: 'c', count: 1 },
      ],
      5,
    );
    expect(rows.map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(rows.map((r) => [r.share, r.bar])).toEqual([
      ['40%', 100],
      ['40%', 100],
      ['20%', 50],
    ]);
  });
  it('writes inline lists as text', () => {
    const list = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ key: `k${n}`, count: 8 - n }));
    expect(inlineList(list, 2).text).toBe('k1 (7), k2 (6), +5 more');
    expect(inlineList([], 2).text).toBe('—');
  });
  it('formats numbers the same on every machine', () => {
    expect([formatCount(0), formatCount(999), formatCount(1000), formatCount(48213), formatCount(1234567)]).toEqual([
      '0',
      '999',
      '1,000',
      '48,213',
      '1,234,567',
    ]);
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(0, 0)).toBe('0%');
  });
});

describe('timeline', () => {
  it('fills missing days between real dates', () => {
    const { days, filled } = fillDays([
      { key: '2024-02-28', count: 1 },
      { key: '2024-03-01', count: 2 },
    ]);
    expect(filled).toBe(true);
    expect(days).toEqual([
      { key: '2024-02-28', count: 1 },
      { key: '2024-02-29', count: 0 },
      { key: '2024-03-01', count: 2 },
    ]);
  });
  it('leaves keys that are not dates alone', () => {
    const input = [
      { key: '<script>', count: 1 },
      { key: '2024-05-06', count: 2 },
    ];
    expect(fillDays(input)).toEqual({ days: input, filled: false });
  });
  it('draws bars inside the plot, the busiest one full height', () => {
    const chart = timelineChart(loadSummary('realistic').timeline);
    expect(chart.bars).toHaveLength(7);
    const busiest = chart.bars.find((b) => b.count === chart.max);
    expect(busiest?.y).toBe(14);
    for (const b of chart.bars) {
      expect(b.x).toBeGreaterThanOrEqual(chart.left);
      expect(b.x + b.width).toBeLessThanOrEqual(chart.right + 0.01);
      expect(b.y + b.height).toBeCloseTo(chart.baseline, 1);
    }
    expect(chart.rows.find((r) => r.day === '2024-05-09')).toEqual({ day: '2024-05-09', count: 0, bar: '' });
  });
  it('labels at most 12 days', () => {
    const long = Array.from({ length: 90 }, (_, i) => ({ key: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), count: i }));
    expect(timelineChart(long).bars.filter((b) => b.labelled).length).toBeLessThanOrEqual(12);
    expect(timelineChart([]).empty).toBe(true);
  });
});

describe('view-model', () => {
  it('asks the guide once per group category, with hints only for the group itself', () => {
    const calls: GuideKey[] = [];
    const vm = buildViewModel(loadSummary('realistic'), { top: 3, guide: (k) => (calls.push(k), fakeGuide(k)) });
    expect(vm.groups.items).toHaveLength(3);
    expect(vm.groups.more).toBe(9);
    const alice = vm.groups.items[1];
    expect(alice.guidance.map((g) => g.id)).toEqual(['authorization/implicit/identity-based', 'hint/console-session', 'hint/encoded-message']);
    const types = vm.guidanceByPolicyType.map((t) => t.key);
    expect(types).toEqual(vm.policyTypes.items.map((p) => p.key));
    expect(vm.guidanceByPolicyType.flatMap((t) => t.guidance).every((g) => !g.id.startsWith('hint/'))).toBe(true);
    expect(calls.some((c) => c.category === 'authentication' && c.errorCode === 'ExpiredToken')).toBe(true);
  });
  it('shows the accounting identity and whether it holds', () => {
    const vm = buildViewModel(loadSummary('realistic'), { top: 20, guide: fakeGuide });
    expect(vm.accounting.balanced).toBe(true);
    expect(vm.accounting.terms.map((t) => t.label)).toEqual(['denials', 'suppressed', 'other errors', 'no error', 'excluded by filter', 'duplicates']);
    const broken = loadSummary('realistic');
    broken.totals.records += 1;
    expect(buildViewModel(broken, { top: 20, guide: fakeGuide }).accounting.balanced).toBe(false);
  });
  it('has no wall-clock time unless asked', () => {
    expect(buildViewModel(loadSummary('empty'), { top: 20, guide: fakeGuide }).generatedAt).toBeNull();
    expect(buildViewModel(loadSummary('empty'), { top: 20, guide: fakeGuide, generatedAt: '2024-05-13T00:00:00Z' }).generatedAt).toBe('2024-05-13T00:00:00Z');
  });
  it('names principals by the part of the ARN a reader knows', () => {
    expect(principalName('arn:aws:iam::111122223333:role/ci-deployer')).toBe('role/ci-deployer');
    expect(principalName('arn:aws:iam::111122223333:root')).toBe('root');
    expect(principalName('anonymous')).toBe('anonymous');
  });
  it('splits guidance checks into text and code only when the backticks are regular', () => {
    expect(splitCode('Run `aws sts decode-authorization-message` now.')).toEqual([
      { text: 'Run ', code: false },
      { text: 'aws sts decode-authorization-message', code: true },
      { text: ' now.', code: false },
    ]);
    expect(splitCode('odd ` tick')).toEqual([{ text: 'odd ` tick', code: false }]);
    expect(splitCode('`a``b`')).toEqual([{ text: '`a``b`', code: false }]);
    expect(splitCode('empty `` span')).toEqual([{ text: 'empty `` span', code: false }]);
  });
});
