// What the HTML report's script can filter by and show of a group, as tables: a facet, a detail list or
// a fact is one row here (the script reads them from the page's data, it names none of them but the
// three lists the table's cells show). Issue 16's cause and issue 17's finding severity join as one
// row each: a facet reads its values from the group (with whatever it needs of the Summary, prepared
// once), a fact its text.
import type { Counted, Group, Summary } from '../types.js';
import { formatCount } from './format-count.js';
import { denyKindLabel, policyTypeLabel } from './labels.js';

export interface FacetRow {
  id: string; // the name in the URL fragment
  label: string;
  /** The group's values with their denials; called once per Summary, then once per group. */
  of: (s: Summary) => (g: Group) => Counted[];
  /** How a value is shown (the key itself when absent). */
  show?: (key: string) => string;
}

const whole = (key: string, g: Group): Counted[] => [{ key, count: g.count }];

/** The facets, in the order the page shows them. Examples: test/render/explore-data.test.ts. */
export const FACETS: readonly FacetRow[] = [
  { id: 'policyType', label: 'Policy type', of: () => (g) => whole(g.policyType, g), show: policyTypeLabel },
  { id: 'denyKind', label: 'Deny kind', of: () => (g) => whole(g.denyKind, g), show: denyKindLabel },
  { id: 'category', label: 'Category', of: () => (g) => g.categories },
  { id: 'account', label: 'Account', of: () => (g) => g.accounts },
  { id: 'region', label: 'Region', of: () => (g) => g.regions },
  { id: 'principalType', label: 'Principal type', of: () => (g) => whole(g.principalType, g), show: (k) => (k === '' ? '(none)' : k) },
  { id: 'hint', label: 'Hint', of: () => (g) => (g.hints.length > 0 ? g.hints : [{ key: '', count: g.count }]), show: (k) => (k === '' ? '(none)' : k) },
];

export interface ListRow {
  id: 'categories' | 'errorCodes' | 'accounts' | 'regions' | 'resources' | 'sourceIps' | 'userAgents' | 'sessionNames' | 'policyArns' | 'hints';
  label: string;
  mono: boolean;
}

/** The lists a group's detail shows, in order; the table's cells show accounts, regions and resources. */
export const LISTS: readonly ListRow[] = [
  { id: 'resources', label: 'Resources', mono: true },
  { id: 'sourceIps', label: 'Source IPs', mono: true },
  { id: 'userAgents', label: 'User agents', mono: true },
  { id: 'sessionNames', label: 'Sessions', mono: true },
  { id: 'accounts', label: 'Accounts', mono: true },
  { id: 'regions', label: 'Regions', mono: false },
  { id: 'errorCodes', label: 'Error codes', mono: true },
  { id: 'policyArns', label: 'Policy ARNs', mono: true },
  { id: 'categories', label: 'Categories', mono: false },
  { id: 'hints', label: 'Hints', mono: false },
];

export interface FactRow {
  label: string;
  /** The fact's text for a group, or null when it has none. */
  of: (g: Group) => string | null;
}

/** Facts a group's detail states beside its lists. */
export const FACTS: readonly FactRow[] = [
  {
    label: 'Folded',
    of: (g) =>
      g.folded === undefined
        ? null
        : `this row stands for up to ${formatCount(g.folded.principals)} groups of rarer principals` +
          (g.folded.actions === undefined ? '' : ` and ${formatCount(g.folded.actions)} rows of rarer actions`) +
          ' (see the note under Groups)',
  },
];

/** Values a list of a group keeps in the page: the largest groups keep more; summary.json has them all. */
export function pageListLimit(rank: number): number {
  return rank <= 1000 ? 50 : 10;
}
