// Sliding windows over minute cells (findings/windows.ts): W minutes hold minutes m-W+1 … m; windows
// that meet the rule and overlap or touch make one episode; an episode holds its whole span.
import { describe, expect, it } from 'vitest';
import { episodes, type Event } from '../../src/findings/windows.js';

const ev = (minute: number, action: number, count = 1, other = 0): Event => ({
  minute,
  action,
  other,
  agent: 0,
  count,
  first: 0,
  last: 0,
  id: `${minute}-${action}`,
});
const atLeast = (n: number) => (w: { count: number }) => w.count >= n;

describe('episodes', () => {
  it('a window of 10 minutes holds minutes 0 to 9, not 10', () => {
    expect(episodes([ev(0, 1, 5), ev(9, 2, 5)], 10, atLeast(10))).toHaveLength(1);
    expect(episodes([ev(0, 1, 5), ev(10, 2, 5)], 10, atLeast(10))).toEqual([]);
  });

  it('merges windows that overlap or touch into one episode, and keeps apart what does not', () => {
    const events = [ev(0, 1, 5), ev(5, 2, 5), ev(12, 3, 5), ev(40, 4, 10), ev(100, 5, 1)];
    const found = episodes(events, 10, atLeast(10));
    expect(found.map((e) => e.map((x) => x.minute))).toEqual([[0, 5, 12], [40]]);
  });

  it('counts distinct actions and others in the window, each only while it is in it', () => {
    const events = [ev(0, 1), ev(1, 2), ev(2, 3), ev(20, 1), ev(21, 1), ev(22, 1)];
    expect(episodes(events, 5, (w) => w.actions.size >= 3).map((e) => e.length)).toEqual([3]);
    const spread = [ev(0, 1, 1, 1), ev(1, 1, 1, 2), ev(30, 1, 1, 3)];
    expect(episodes(spread, 10, (w) => w.others.size >= 3)).toEqual([]);
  });
});
