// Reports show the head of a long list and say how much was left out, so a reader never mistakes a
// cut list for a complete one. summary.json keeps every list as aggregated (whole, or its most
// frequent values when it had more distinct ones than aggregation keeps: see cutNote); only HTML and
// Markdown cut further.
import type { Counted, ListCut } from '../types.js';
import { formatCount, formatShare } from './format-count.js';

export interface CutList<T> {
  items: T[];
  /** Length before cutting. */
  total: number;
  /** How many were left out (0 when nothing was). */
  more: number;
  /** total === 0, for "none" lines in templates (strict mode forbids comparing in the template). */
  empty: boolean;
}

export function cut<T>(list: readonly T[], top: number): CutList<T> {
  const limit = Math.max(0, Math.floor(top));
  const items = list.slice(0, limit);
  return { items, total: list.length, more: list.length - items.length, empty: list.length === 0 };
}

/** A Counted with its share of a total and a bar length relative to the largest row. */
export interface ShareRow {
  key: string;
  count: number;
  /** '12.5%' of the total the list is measured against. */
  share: string;
  /** 0–100, relative to the largest count in the list, for bar widths. */
  bar: number;
  /** '≤' before the count of a list cut to its most frequent values (its counts are upper bounds), else ''. */
  bound: string;
}

export function shareRows(list: readonly Counted[], total: number, listCut?: ListCut): ShareRow[] {
  const max = list.reduce((m, c) => Math.max(m, c.count), 0);
  const bound = listCut === undefined ? '' : '≤';
  return list.map((c) => ({
    key: c.key,
    count: c.count,
    bound,
    share: formatShare(c.count, total),
    bar: max > 0 ? Math.round((c.count / max) * 1000) / 10 : 0,
  }));
}

/** A short inline list (inside a table cell): the head, a count of the rest, and a one-line text form. */
export interface InlineList {
  items: Counted[];
  more: number;
  /** '' for an exact list; else what cutNote says, short: 'top 1,000 kept, counts up to 12 high'. */
  approximate: string;
  /** '≤' before each count of a cut list (its counts are upper bounds), else ''. */
  bound: string;
  /** 'a (3), b (1), +2 more' — for Markdown cells and plain-text templates; '—' when empty. */
  text: string;
}

/** The cut of the list named `name` among a Summary's or a Group's cuts, if it was cut. */
export function cutOf(cuts: readonly ListCut[] | undefined, name: string): ListCut | undefined {
  return cuts?.find((c) => c.list === name);
}

/** How a list cut to its most frequent values (aggregate/top-tally.ts) is described: '' when it is exact. */
export function cutNote(c: ListCut | undefined, form: 'short' | 'long'): string {
  if (c === undefined) return '';
  if (form === 'short') return `top ${formatCount(c.kept)} kept, counts up to ${formatCount(c.maxError)} high`;
  return (
    `More distinct values than a list keeps: only the ${formatCount(c.kept)} most frequent are listed (here and in summary.json), ` +
    `their counts may be up to ${formatCount(c.maxError)} too high, and any value not listed occurred at most ${formatCount(c.maxError)} times. ` +
    'denials.csv has every denial.'
  );
}

export function inlineList(list: readonly Counted[], limit: number, listCut?: ListCut): InlineList {
  const c = cut(list, limit);
  const approximate = cutNote(listCut, 'short');
  const bound = approximate === '' ? '' : '≤';
  const parts = c.items.map((x) => `${x.key} (${bound}${x.count})`);
  if (c.more > 0) parts.push(`+${c.more} more`);
  if (approximate !== '') parts.push(`(${approximate})`);
  return { items: c.items, more: c.more, approximate, bound, text: parts.length > 0 ? parts.join(', ') : '—' };
}
