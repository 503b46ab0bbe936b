// Summary → the data the HTML report's script works from (page-data.d.ts): every group, with what
// its detail view shows, the facets it falls under and its timeline, every text once in a string
// table. Built from the Summary as displayed (displayStrings: control characters shown, fields cut),
// so the script shows what the static page shows.
//
// Guidance texts are not in the data: the page shows each guide once (guide-catalogue.ts) and the
// script copies them from there; the data names each guide's element.
//
//   const data = exploreData(displayed, guideCatalogue(displayed.groups, guide));   // then scriptJson(data) into the page
import type { Counted, Group, Summary } from '../types.js';
import { FACTS, LISTS, facetsFor, pageListLimit } from './explore-fields.js';
import { principalName } from './principal-name.js';
import { foldedNames } from './fold-view.js';
import { cutOf } from './cut-list.js';
import type { GuideCatalogue } from './guide-catalogue.js';
import { denyKindLabel, kindFields } from './labels.js';

/** Strings by first use; the same text is stored once. */
class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  pairs(list: readonly Counted[]): CtdPairs {
    const out: number[] = [];
    for (const c of list) out.push(this.of(c.key), c.count);
    return out;
  }
}

const byKey = (a: string, b: string) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a < b ? -1 : a > b ? 1 : 0);

/** The facets' values, most denials first (then by key), and each group's values as indices into them. */
function facetsOf(s: Summary, strings: StringTable): { facets: CtdFacet[]; perGroup: (g: Group) => number[][] } {
  const shown = facetsFor(s);
  const readers = shown.map((f) => f.of(s));
  const totals = shown.map(() => new Map<string, number>());
  for (const g of s.groups) readers.forEach((read, i) => read(g).forEach((c) => totals[i].set(c.key, (totals[i].get(c.key) ?? 0) + c.count)));
  const order = totals.map((t) => [...t].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0])).map(([k]) => k));
  const position = order.map((keys) => new Map(keys.map((k, i) => [k, i])));
  const facets = shown.map((f, i) => ({
    id: f.id,
    label: f.label,
    values: order[i].map((k) => strings.of(k)),
    labels: order[i].map((k) => strings.of(f.show ? f.show(k) : k)),
  }));
  const perGroup = (g: Group) =>
    readers.map((read, i) => {
      const out: number[] = [];
      for (const c of read(g)) out.push(position[i].get(c.key) ?? 0, c.count);
      return out;
    });
  return { facets, perGroup };
}

/** catalogue: of the same groups (s.groups), so the indices agree. */
export function exploreData(s: Summary, catalogue: GuideCatalogue): CtdPageData {
  const strings = new StringTable();
  const { facets, perGroup } = facetsOf(s, strings);
  const daySet = new Set(s.timeline.map((d) => d.key));
  for (const g of s.groups) for (const d of g.timeline ?? []) daySet.add(d.key);
  const days = [...daySet].sort(byKey);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const dayPairs = (list: readonly Counted[]) => list.flatMap((d) => [dayIndex.get(d.key) ?? 0, d.count]);

  const groups = s.groups.map((g, i): CtdGroup => {
    const names = foldedNames(g) ?? { principal: g.principal, principalName: principalName(g.principal), action: g.action };
    const kinds = kindFields(g);
    const limit = pageListLimit(i + 1);
    const facts: number[] = [];
    for (const f of FACTS) {
      const text = f.of(g);
      if (text !== null) facts.push(strings.of(f.label), strings.of(text));
    }
    const lists = LISTS.map((l) => g[l.id]);
    return [
      g.folded === undefined ? -1 : strings.of(g.key),
      strings.of(names.principal),
      strings.of(names.principalName),
      strings.of(g.principalType),
      strings.of(names.action),
      strings.of(g.policyType),
      strings.of(kinds.policyTypeLabel),
      strings.of(kinds.policyTypeClass),
      strings.of(g.denyKind),
      strings.of(denyKindLabel(g.denyKind)),
      strings.of(kinds.denyKindClass),
      g.count,
      strings.of(g.firstSeen),
      strings.of(g.lastSeen),
      lists.map((list) => strings.pairs(list.slice(0, limit))),
      lists.flatMap((list, li) => (list.length > limit ? [li, list.length - limit] : [])),
      LISTS.flatMap((l, li) => (cutOf(g.cuts, l.id) === undefined ? [] : [li])),
      perGroup(g),
      g.sampleEventIds.map((id) => strings.of(id)),
      catalogue.perGroup[i] ?? [],
      facts,
      dayPairs(g.timeline ?? []),
      g.folded === undefined ? 0 : 1,
    ];
  });
  return {
    v: 1,
    denials: s.totals.denials,
    strings: strings.list,
    days,
    all: dayPairs(s.timeline),
    timelines: s.groups.every((g) => g.timeline !== undefined),
    facets,
    lists: LISTS.map((l) => ({ id: l.id, label: l.label, mono: l.mono })),
    guides: catalogue.guides.map((g) => ({ el: g.anchor, id: g.id })),
    groups,
  };
}
