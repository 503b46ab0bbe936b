// A group's detail view: everything the page holds about it — every resource, source IP, user agent and
// session (up to the page's limit per list, with where the rest is), the sample event IDs each with a
// copy button, its guidance, its other facts, and its timeline.

/** What a click in the table or a detail asks of the explorer. */
interface Picker {
  /** Only the groups of this principal (or action); null clears. */
  only: (what: 'principal' | 'action', value: string) => void;
  /** Pick a facet's value by the facet's id ('account'). */
  pick: (facet: string, key: string) => void;
}

function copyText(text: string): Promise<void> {
  if (navigator.clipboard !== undefined) return navigator.clipboard.writeText(text).catch(() => copyByCommand(text));
  return copyByCommand(text);
}

/** For browsers that refuse the clipboard API to a file:// page. */
function copyByCommand(text: string): Promise<void> {
  const area = el('textarea', { class: 'offscreen', 'aria-hidden': 'true', tabindex: -1 });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
}

function copyButton(text: string, what: string): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${what}`, title: `Copy ${what}` }, 'Copy');
  b.addEventListener('click', () => {
    copyText(text).then(
      () => (b.textContent = 'Copied'),
      () => (b.textContent = 'Select and copy'),
    );
    window.setTimeout(() => (b.textContent = 'Copy'), 2000);
  });
  return b;
}

/**
 * A copy of the guide the page shows once (in its Policy types section), with no id of its own; only
 * its id, when a template left the guide out. A copy, not markup: the page allows no HTML strings.
 */
function guideView(g: CtdGuide, cls: string): HTMLElement {
  const shown = document.getElementById(g.el);
  if (shown === null) return el('div', { class: `guide ${cls}` }, el('h4', {}, el('span', { class: 'gid' }, g.id)));
  const copy = shown.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  for (const inner of copy.querySelectorAll('[id]')) inner.removeAttribute('id');
  copy.className = `guide ${cls}`;
  return copy;
}

/** Lists whose values a click filters by: the facet it picks. */
const LIST_FACETS: Record<string, string> = { accounts: 'account', regions: 'region', categories: 'category', hints: 'hint' };

function listView(model: Model, row: Row, i: number, picker: Picker): HTMLElement {
  const info = model.data.lists[i];
  const values = row.lists[i];
  const facet = LIST_FACETS[info.id];
  const bound = row.bound[i] ? '≤' : '';
  const items = values.map((c) =>
    el(
      'li',
      {},
      facet === undefined
        ? el('span', { class: info.mono ? 'mono' : '' }, c.key)
        : filterButton(info.label.toLowerCase(), c.key, info.mono, () => picker.pick(facet, c.key)),
      ' ',
      el('span', { class: 'sub' }, `×${bound}${formatCount(c.count)}`),
    ),
  );
  if (row.more[i] > 0) items.push(el('li', { class: 'sub' }, `+${formatCount(row.more[i])} more in summary.json`));
  if (row.bound[i]) items.push(el('li', { class: 'sub' }, '(only the most frequent values were kept: counts are upper bounds)'));
  return el('div', { class: 'dlist' }, el('h4', {}, info.label), values.length === 0 ? el('p', { class: 'sub' }, '—') : el('ul', { class: 'plain' }, ...items));
}

/** About the width a detail gets (its row, less the rank column and padding), so its chart's text is drawn at its size. */
function detailWidth(): number {
  const explorer = document.getElementById('ctd-explore');
  return explorer === null ? 0 : explorer.clientWidth - (narrow() ? 40 : 300);
}

function detailView(model: Model, row: Row, picker: Picker): HTMLElement {
  const d = model.data;
  const head = el(
    'dl',
    { class: 'ctx' },
    el('dt', {}, 'Principal'),
    el(
      'dd',
      {},
      filterButton('principal', row.principal, true, () => picker.only('principal', row.principal)),
      ' ',
      copyButton(row.principal, 'principal'),
    ),
    el('dt', {}, 'Action'),
    el(
      'dd',
      {},
      filterButton('action', row.action, true, () => picker.only('action', row.action)),
    ),
    el('dt', {}, 'Policy type'),
    el(
      'dd',
      {},
      filterButton('policy type', row.policyTypeLabel, false, () => picker.pick('policyType', row.policyType)),
      ' · ',
      row.denyKindLabel,
    ),
    el('dt', {}, 'Denials'),
    el('dd', {}, `${formatCount(row.count)} (${formatShare(row.count, d.denials)} of all), ${row.firstSeen} → ${row.lastSeen}`),
    ...row.facts.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.text)]),
    el('dt', {}, 'Group key'),
    el('dd', { class: 'mono' }, row.key, ' ', copyButton(row.key, 'group key')),
  );
  const ids = el(
    'div',
    { class: 'ids' },
    el('h4', {}, 'Sample event IDs'),
    row.samples.length === 0
      ? el('p', { class: 'sub' }, '—')
      : el('ul', { class: 'plain' }, ...row.samples.map((id) => el('li', {}, el('code', {}, id), ' ', copyButton(id, `event ID ${id}`)))),
  );
  const chart = d.timelines
    ? timelineSvg(
        d.days,
        [{ perDay: perDayOf(row.timeline, d.days.length), cls: 'mine', label: 'denials' }],
        `Denials per day of group ${row.index + 1}`,
        120,
        detailWidth(),
      )
    : null;
  const lists = el('div', { class: 'dlists' }, ...d.lists.map((_, i) => listView(model, row, i, picker)));
  const guides = row.guides.map((g) => d.guides[g]).filter((g) => g !== undefined);
  return el(
    'div',
    { class: 'detail' },
    head,
    ids,
    chart === null ? null : el('div', { class: 'gtl' }, el('h4', {}, 'Denials per day'), chart),
    lists,
    guides.length === 0
      ? null
      : el('div', { class: 'guides' }, el('h4', {}, `What to check (${guides.length})`), ...guides.map((g) => guideView(g, row.policyTypeClass))),
  );
}
