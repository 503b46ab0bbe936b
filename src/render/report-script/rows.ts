// The page data (page-data.d.ts) decoded once into rows the rest of the script reads: strings looked
// up, pairs split. 10,000 groups decode in a few milliseconds.

interface Counted {
  key: string;
  count: number;
}

interface Row {
  /** Position in the Summary's order (0 for the largest group); its rank is index + 1. */
  index: number;
  key: string;
  principal: string;
  principalName: string;
  principalType: string;
  action: string;
  policyType: string;
  policyTypeLabel: string;
  policyTypeClass: string;
  denyKind: string;
  denyKindLabel: string;
  denyKindClass: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  lists: Counted[][];
  more: number[];
  bound: boolean[];
  /** Per facet: (value index, denials) pairs. */
  facets: number[][];
  samples: string[];
  guides: number[];
  facts: { label: string; text: string }[];
  timeline: number[];
  folded: boolean;
  /** Lower-case text the search box looks in; made at the first search. */
  hay: string | null;
}

interface Model {
  data: CtdPageData;
  rows: Row[];
  /** Per facet: value key → its index in the facet's values. */
  facetIndex: Map<string, number>[];
  /** Index of a list by its id ('resources'), -1 when the data has none. */
  list: (id: string) => number;
}

function pairsOf(strings: string[], pairs: CtdPairs): Counted[] {
  const out: Counted[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) out.push({ key: strings[pairs[i]] ?? '', count: pairs[i + 1] });
  return out;
}

function decodeRow(strings: string[], g: CtdGroup, index: number, lists: number): Row {
  const s = (i: number) => strings[i] ?? '';
  const [
    key,
    principal,
    principalName,
    principalType,
    action,
    policyType,
    policyTypeLabel,
    policyTypeClass,
    denyKind,
    denyKindLabel,
    denyKindClass,
    count,
    firstSeen,
    lastSeen,
    listPairs,
    more,
    bound,
    facets,
    samples,
    guides,
    facts,
    timeline,
    folded,
  ] = g;
  const factList: { label: string; text: string }[] = [];
  for (let i = 0; i + 1 < facts.length; i += 2) factList.push({ label: s(facts[i]), text: s(facts[i + 1]) });
  const moreBy = new Array<number>(lists).fill(0);
  for (let i = 0; i + 1 < more.length; i += 2) moreBy[more[i]] = more[i + 1];
  return {
    index,
    key: key >= 0 ? s(key) : `${s(principal)} | ${s(action)} | ${s(policyType)} | ${s(denyKind)}`,
    principal: s(principal),
    principalName: s(principalName),
    principalType: s(principalType),
    action: s(action),
    policyType: s(policyType),
    policyTypeLabel: s(policyTypeLabel),
    policyTypeClass: s(policyTypeClass),
    denyKind: s(denyKind),
    denyKindLabel: s(denyKindLabel),
    denyKindClass: s(denyKindClass),
    count,
    firstSeen: s(firstSeen),
    lastSeen: s(lastSeen),
    lists: listPairs.map((p) => pairsOf(strings, p)),
    more: moreBy,
    bound: moreBy.map((_, i) => bound.includes(i)),
    facets,
    samples: samples.map(s),
    guides,
    facts: factList,
    timeline,
    folded: folded === 1,
    hay: null,
  };
}

function decodeModel(data: CtdPageData): Model {
  const rows = data.groups.map((g, i) => decodeRow(data.strings, g, i, data.lists.length));
  const facetIndex = data.facets.map((f) => new Map(f.values.map((v, i) => [data.strings[v] ?? '', i])));
  const listIds = data.lists.map((l) => l.id);
  return { data, rows, facetIndex, list: (id) => listIds.indexOf(id) };
}

/** Makes every row's search text in the browser's idle time, a slice at a time, so the first search does not wait for it. */
function prepareSearch(rows: Row[]): void {
  let next = 0;
  const slice = (deadline?: IdleDeadline) => {
    const until = performance.now() + 8;
    while (next < rows.length && (deadline ? deadline.timeRemaining() > 1 : performance.now() < until)) hayOf(rows[next++]);
    if (next < rows.length) later(slice);
  };
  // not every browser has requestIdleCallback (Safari)
  const idle = (window as { requestIdleCallback?: (f: (d: IdleDeadline) => void) => number }).requestIdleCallback;
  const later = (f: (d?: IdleDeadline) => void) => (idle ? idle(f) : window.setTimeout(f, 0));
  later(slice);
}

/** What a search looks in: principal, action, resources, IPs, user agents, sessions, event IDs and the rest a row shows. */
function hayOf(row: Row): string {
  if (row.hay !== null) return row.hay;
  const parts = [row.key, row.principal, row.principalName, row.principalType, row.action, row.policyTypeLabel, row.denyKindLabel, ...row.samples];
  for (const list of row.lists) for (const c of list) parts.push(c.key);
  for (const f of row.facts) parts.push(f.text);
  row.hay = parts.join('\n').toLowerCase();
  return row.hay;
}
