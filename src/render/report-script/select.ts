// Which groups the view shows, the counts beside each facet value and the order: one pass over the
// groups. Within a facet the values picked are alternatives (any matches); facets, the search and an
// exact principal or action must all match. A facet's counts are those of the groups every other
// filter lets through, so its other values say what picking them would add.

interface GroupSelection {
  rows: Row[];
  denials: number;
  /** Per facet, per value: denials of the groups every filter but this facet's lets through. */
  counts: number[][];
  /** Denials per day index of the rows, when the data has group timelines. */
  days: number[];
}

function searchTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

/** Picked values as indices into each facet's values (a key the data does not have matches nothing). */
function pickedIndices(model: Model, s: ViewState): (Set<number> | null)[] {
  return s.picked.map((keys, f) => {
    if (keys.size === 0) return null;
    const out = new Set<number>();
    for (const k of keys) {
      const i = model.facetIndex[f].get(k);
      out.add(i === undefined ? -1 : i);
    }
    return out;
  });
}

function facetPasses(pairs: number[], picked: Set<number>): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (picked.has(pairs[i])) return true;
  return false;
}

function select(model: Model, s: ViewState): GroupSelection {
  const terms = searchTerms(s.q);
  const picked = pickedIndices(model, s);
  const counts = model.data.facets.map((f) => new Array<number>(f.values.length).fill(0));
  const days = new Array<number>(model.data.days.length).fill(0);
  const rows: Row[] = [];
  let denials = 0;
  for (const row of model.rows) {
    if (s.principal !== null && row.principal !== s.principal) continue;
    if (s.action !== null && row.action !== s.action) continue;
    if (terms.length > 0) {
      const hay = hayOf(row);
      if (!terms.every((t) => hay.includes(t))) continue;
    }
    let failed = -1;
    let fails = 0;
    for (let f = 0; f < picked.length && fails < 2; f++) {
      const p = picked[f];
      if (p !== null && !facetPasses(row.facets[f], p)) {
        failed = f;
        fails++;
      }
    }
    if (fails > 1) continue;
    for (let f = 0; f < counts.length; f++) {
      if (fails === 1 && f !== failed) continue;
      const pairs = row.facets[f];
      for (let i = 0; i < pairs.length; i += 2) counts[f][pairs[i]] += pairs[i + 1];
    }
    if (fails === 1) continue;
    rows.push(row);
    denials += row.count;
    for (let i = 0; i + 1 < row.timeline.length; i += 2) days[row.timeline[i]] += row.timeline[i + 1];
  }
  sortRows(rows, s.sort, s.dir);
  return { rows, denials, counts, days };
}

const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable: equal rows keep the Summary's order (count, then key), whichever direction. */
function sortRows(rows: Row[], key: SortKey, dir: SortDir): void {
  const sign = dir === 'asc' ? 1 : -1;
  const by: Record<SortKey, (a: Row, b: Row) => number> = {
    count: (a, b) => a.count - b.count,
    first: (a, b) => textOrder(a.firstSeen, b.firstSeen),
    last: (a, b) => textOrder(a.lastSeen, b.lastSeen),
    principal: (a, b) => textOrder(a.principal.toLowerCase(), b.principal.toLowerCase()) || textOrder(a.action, b.action),
    action: (a, b) => textOrder(a.action.toLowerCase(), b.action.toLowerCase()) || textOrder(a.principal, b.principal),
  };
  const compare = by[key];
  rows.sort((a, b) => sign * compare(a, b) || a.index - b.index);
}
