// What the reader asked for, kept in the URL fragment so a view can be bookmarked, reloaded or sent as a
// link to the same file: #groups?q=deploy&account=111122223333&sort=last&open=3
// (q: the search; one parameter per facet value picked; principal and action: an exact value clicked;
// sort and dir; open: ranks of the groups whose detail is open; shown: rows listed).

type SortKey = 'count' | 'first' | 'last' | 'principal' | 'action';
type SortDir = 'asc' | 'desc';

interface ViewState {
  q: string;
  /** Per facet, in the data's order: the value keys picked (any of them matches). */
  picked: Set<string>[];
  principal: string | null;
  action: string | null;
  sort: SortKey;
  dir: SortDir;
  /** Group indices (rank - 1) whose detail is open. */
  open: Set<number>;
  shown: number;
}

/** Rows listed at first and added by "Show more": each costs layout at every change of a 10,000-group page. */
const PAGE = 25;
const STATE_PREFIX = '#groups?';

/** Each sort, its header text and the direction a first click gives. */
const SORTS: Record<SortKey, { label: string; first: SortDir }> = {
  count: { label: 'Count', first: 'desc' },
  first: { label: 'First seen', first: 'asc' },
  last: { label: 'Last seen', first: 'desc' },
  principal: { label: 'Principal', first: 'asc' },
  action: { label: 'Action', first: 'asc' },
};

function isSortKey(s: string | null): s is SortKey {
  return s !== null && Object.prototype.hasOwnProperty.call(SORTS, s);
}

function freshState(data: CtdPageData): ViewState {
  return { q: '', picked: data.facets.map(() => new Set<string>()), principal: null, action: null, sort: 'count', dir: 'desc', open: new Set(), shown: PAGE };
}

/** The state a fragment names, or null when the fragment is no view (a section's anchor, or none). */
function readState(hash: string, data: CtdPageData): ViewState | null {
  if (!hash.startsWith(STATE_PREFIX)) return null;
  const p = new URLSearchParams(hash.slice(STATE_PREFIX.length));
  const s = freshState(data);
  s.q = p.get('q') ?? '';
  data.facets.forEach((f, i) => {
    for (const v of p.getAll(f.id)) s.picked[i].add(v);
  });
  s.principal = p.get('principal');
  s.action = p.get('action');
  const sort = p.get('sort');
  if (isSortKey(sort)) s.sort = sort;
  const dir = p.get('dir');
  s.dir = dir === 'asc' || dir === 'desc' ? dir : SORTS[s.sort].first;
  for (const rank of p.getAll('open')) {
    const n = Number(rank);
    if (Number.isInteger(n) && n >= 1 && n <= data.groups.length) s.open.add(n - 1);
  }
  const shown = Number(p.get('shown'));
  if (Number.isInteger(shown) && shown > PAGE) s.shown = shown;
  return s;
}

function writeState(s: ViewState, data: CtdPageData): string {
  const p = new URLSearchParams();
  if (s.q !== '') p.set('q', s.q);
  data.facets.forEach((f, i) => {
    for (const v of s.picked[i]) p.append(f.id, v);
  });
  if (s.principal !== null) p.set('principal', s.principal);
  if (s.action !== null) p.set('action', s.action);
  if (s.sort !== 'count' || s.dir !== 'desc') {
    p.set('sort', s.sort);
    p.set('dir', s.dir);
  }
  for (const i of [...s.open].sort((a, b) => a - b)) p.append('open', String(i + 1));
  if (s.shown > PAGE) p.set('shown', String(s.shown));
  const text = p.toString();
  return text === '' ? '#groups' : STATE_PREFIX + text;
}

/** True when nothing narrows the groups (sorting and open details aside). */
function unfiltered(s: ViewState): boolean {
  return s.q.trim() === '' && s.principal === null && s.action === null && s.picked.every((p) => p.size === 0);
}
