// Reports show the head of a long list and say how much was left out, so a reader never mistakes a
// cut list for a complete one. summary.json keeps everything; only HTML and Markdown cut.
import type { Counted } from '../types.js';
import { formatShare } from './format-count.js';

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
}

export function shareRows(list: readonly Counted[], total: number): ShareRow[] {
  const max = list.reduce((m, c) => Math.max(m, c.count), 0);
  return list.map((c) => ({
    key: c.key,
    count: c.count,
    share: formatShare(c.count, total),
    bar: max > 0 ? Math.round((c.count / max) * 1000) / 10 : 0,
  }));
}

/** A short inline list (inside a table cell): the head, a count of the rest, and a one-line text form. */
export interface InlineList {
  items: Counted[];
  more: number;
  /** 'a (3), b (1), +2 more' — for Markdown cells and plain-text templates; '—' when empty. */
  text: string;
}

export function inlineList(list: readonly Counted[], limit: number): InlineList {
  const c = cut(list, limit);
  const parts = c.items.map((x) => `${x.key} (${x.count})`);
  if (c.more > 0) parts.push(`+${c.more} more`);
  return { items: c.items, more: c.more, text: parts.length > 0 ? parts.join(', ') : '—' };
}
