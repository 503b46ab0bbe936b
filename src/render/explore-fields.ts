// What the HTML report's script can filter by and show of a group, as tables: a facet, a detail list or
// a fact is one row here (the script reads them from the page's data, it names none of them but the
// three lists the table's cells show). Issue 16's cause and issue 17's finding severity join as one
// row each: a facet reads its values from the group (with whatever it needs of the Summary, prepared
// once), a fact its text.
import { FINDING_SEVERITIES, type Cause, type Counted, type Finding, type Group, type Summary } from '../types.js';
import { formatCount } from './format-count.js';
import { causeKindLabel, denyKindLabel, policyTypeLabel } from './labels.js';

export interface FacetRow {
  id: string; // the name in the URL fragment
  label: string;
  /** The group's values with their denials; called once per Summary, then once per group. */
  of: (s: Summary) => (g: Group) => Counted[];
  /** How a value is shown (the key itself when absent). */
  show?: (key: string) => string;
  /** Whether the Summary has what the facet reads (always, when absent): a report without findings has no severity facet. */
  when?: (s: Summary) => boolean;
}

const whole = (key: string, g: Group): Counted[] => [{ key, count: g.count }];
const orNone = (k: string) => (k === '' ? '(none)' : k);

/**
 * A group's finding severity: the highest of the findings that name its principal among their evidence
 * (the subject of a burst, each user a spray tried, the principals of an outside account).
 */
export function severityByPrincipal(findings: readonly Finding[]): (g: Group) => string {
  const best = new Map<string, number>();
  for (const f of findings) {
    const rank = FINDING_SEVERITIES.indexOf(f.severity);
    for (const p of f.evidence.principals) best.set(p.key, Math.min(best.get(p.key) ?? rank, rank));
  }
  return (g) => {
    const rank = best.get(g.principal);
    return rank === undefined ? '' : FINDING_SEVERITIES[rank];
  };
}

/** The facets, in the order the page shows them. Examples: test/render/explore-data.test.ts. */
export const FACETS: readonly FacetRow[] = [
  { id: 'policyType', label: 'Policy type', of: () => (g) => whole(g.policyType, g), show: policyTypeLabel },
  { id: 'denyKind', label: 'Deny kind', of: () => (g) => whole(g.denyKind, g), show: denyKindLabel },
  { id: 'category', label: 'Category', of: () => (g) => g.categories },
  { id: 'account', label: 'Account', of: () => (g) => g.accounts },
  { id: 'region', label: 'Region', of: () => (g) => g.regions },
  { id: 'principalType', label: 'Principal type', of: () => (g) => whole(g.principalType, g), show: (k) => (k === '' ? '(none)' : k) },
  { id: 'hint', label: 'Hint', of: () => (g) => (g.hints.length > 0 ? g.hints : [{ key: '', count: g.count }]), show: orNone },
  {
    id: 'finding',
    label: 'Finding severity',
    when: (s) => (s.findings?.length ?? 0) > 0,
    of: (s) => {
      const severity = severityByPrincipal(s.findings ?? []);
      return (g) => whole(severity(g), g);
    },
    show: (k) => (k === '' ? '(no finding)' : k),
  },
  {
    id: 'cause',
    label: 'Cause (policies)',
    when: (s) => s.policies !== undefined,
    of: () => (g) => g.cause?.kinds ?? [{ key: '', count: g.count }],
    show: (k) => (k === '' ? '(no policy decision)' : causeKindLabel(k)),
  },
];

/** The facets a Summary has what they read for. */
export const facetsFor = (s: Summary): FacetRow[] => FACETS.filter((f) => f.when?.(s) ?? true);

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

/**
 * Where a cause is, in a few words: the statement that denied (or came closest), else the layers
 * without an Allow, else what could not be told. The sentence and the next step are the Causes
 * section's (summary.json and denials.jsonl have them for every group): the page data keeps them out.
 */
function causeReference(c: Cause): string {
  const s = c.statement;
  if (s !== null)
    return `: statement ${s.sid === null ? '' : `${s.sid} `}(index ${s.index}) of ${s.policy}${s.attachedTo === null ? '' : `, attached to ${s.attachedTo}`}`;
  if (c.lacking.length > 0) return `: no Allow in ${c.lacking.map(policyTypeLabel).join(', ')}`;
  return c.unknown.length > 0 ? `: ${c.unknown[0]}` : '';
}

/** Facts a group's detail states beside its lists. */
export const FACTS: readonly FactRow[] = [
  {
    // --policies: each distinct cause of the group (the Causes section has the statements)
    label: 'Cause',
    of: (g) =>
      g.cause === undefined
        ? null
        : g.cause.causes.map((c) => `${causeKindLabel(c.cause.kind)} (${formatCount(c.count)})${causeReference(c.cause)}`).join(' · '),
  },
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
