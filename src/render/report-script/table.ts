// The groups table the script draws in place of the static one: the same columns, sortable headers
// (buttons, so the keyboard reaches them), principal, action, policy type and accounts that filter when
// clicked, a button per row for its detail, and only the first rows: more on demand.

interface TableHooks extends Picker {
  sort: (key: SortKey) => void;
  toggle: (index: number) => void;
}

/** Values a cell lists: a cell is not the detail. */
const INLINE: Record<string, number> = { resources: 3, accounts: 5, regions: 5 };

function sortButton(key: SortKey, s: ViewState, hooks: TableHooks): HTMLButtonElement {
  const active = s.sort === key;
  const arrow = active ? (s.dir === 'asc' ? ' ▲' : ' ▼') : '';
  const order = active ? (s.dir === 'asc' ? 'ascending' : 'descending') : 'not sorted';
  const b = el(
    'button',
    { type: 'button', class: active ? 'sort on' : 'sort', 'aria-label': `${SORTS[key].label}: ${order}; sort by ${SORTS[key].label.toLowerCase()}` },
    SORTS[key].label,
    arrow,
  );
  b.addEventListener('click', () => hooks.sort(key));
  return b;
}

function headCell(keys: SortKey[], text: string | null, s: ViewState, hooks: TableHooks, cls = ''): HTMLTableCellElement {
  const th = el('th', { class: cls, scope: 'col' });
  const on = keys.find((k) => k === s.sort);
  if (on !== undefined) th.setAttribute('aria-sort', s.dir === 'asc' ? 'ascending' : 'descending');
  keys.forEach((k, i) => {
    if (i > 0) th.appendChild(document.createTextNode(' · '));
    th.appendChild(sortButton(k, s, hooks));
  });
  if (text !== null) th.appendChild(document.createTextNode(text));
  return th;
}

function tableHead(s: ViewState, hooks: TableHooks): HTMLTableSectionElement {
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { class: 'num', scope: 'col' }, '#'),
      headCell(['principal', 'action'], ' · resources', s, hooks),
      el('th', { scope: 'col' }, 'Policy type · deny kind'),
      headCell(['count'], null, s, hooks, 'num'),
      headCell(['first', 'last'], null, s, hooks),
      el('th', { scope: 'col' }, 'Accounts · regions'),
    ),
  );
}

function inlineList(model: Model, row: Row, id: string, mono: boolean, pick: ((key: string) => void) | null, what: string): HTMLElement | null {
  const i = model.list(id);
  if (i < 0) return null;
  const list = row.lists[i];
  if (list.length === 0) return id === 'resources' ? null : el('span', { class: 'sub' }, '—');
  const bound = row.bound[i] ? '≤' : '';
  const limit = INLINE[id] ?? 5;
  const items = list
    .slice(0, limit)
    .map((c) =>
      el(
        'li',
        {},
        pick === null ? c.key : filterButton(what, c.key, mono, () => pick(c.key)),
        ' ',
        el('span', { class: 'sub' }, `×${bound}${formatCount(c.count)}`),
      ),
    );
  const more = Math.max(0, list.length - limit) + row.more[i];
  if (more > 0) items.push(el('li', { class: 'sub' }, `+${formatCount(more)} more`));
  return el('ul', { class: `plain ${id}${mono ? ' mono' : ''}` }, ...items);
}

function groupRow(model: Model, row: Row, open: boolean, hooks: TableHooks): HTMLTableRowElement {
  const rank = row.index + 1;
  const who = el(
    'div',
    { class: 'who' },
    row.folded ? row.principalName : filterButton('principal', row.principalName, false, () => hooks.only('principal', row.principal)),
  );
  if (row.principalType !== '') who.append(' ', el('span', { class: 'sub' }, row.principalType));
  const detail = el(
    'button',
    {
      type: 'button',
      class: 'open',
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': `ctd-detail-${rank}`,
      'aria-label': `Detail of group ${rank}`,
      title: open ? 'Close the detail' : 'Open the detail',
    },
    open ? '▾' : '▸',
  );
  detail.addEventListener('click', () => hooks.toggle(row.index));
  const policyType = el(
    'button',
    { type: 'button', class: `chip pick ${row.policyTypeClass}`, title: `Show only ${row.policyTypeLabel}` },
    row.policyTypeLabel,
  );
  policyType.addEventListener('click', () => hooks.pick('policyType', row.policyType));
  return el(
    'tr',
    { class: open ? 'g open' : 'g', 'data-rank': rank },
    el('td', { class: 'num sub' }, el('div', {}, String(rank)), detail),
    el(
      'td',
      {},
      who,
      el('div', { class: 'arn' }, row.principal),
      el(
        'div',
        { class: 'what' },
        filterButton('action', row.action, true, () => hooks.only('action', row.action)),
      ),
      inlineList(model, row, 'resources', true, null, 'resource'),
    ),
    el('td', {}, policyType, el('div', { class: 'sub' }, el('span', { class: `chip ${row.denyKindClass}`, title: row.denyKindLabel }, row.denyKind))),
    el('td', { class: 'num' }, el('b', {}, formatCount(row.count)), el('div', { class: 'sub' }, formatShare(row.count, model.data.denials))),
    el('td', { class: 'mono seen' }, el('div', {}, row.firstSeen), el('div', { class: 'sub' }, row.lastSeen)),
    el(
      'td',
      {},
      inlineList(model, row, 'accounts', true, (k) => hooks.pick('account', k), 'account'),
      inlineList(model, row, 'regions', false, (k) => hooks.pick('region', k), 'region'),
    ),
  );
}

function detailRow(model: Model, row: Row, hooks: TableHooks): HTMLTableRowElement {
  return el('tr', { class: 'd', id: `ctd-detail-${row.index + 1}` }, el('td', {}), el('td', { colspan: 5 }, detailView(model, row, hooks)));
}

function tableBody(model: Model, sel: GroupSelection, s: ViewState, hooks: TableHooks): HTMLTableSectionElement {
  const body = el('tbody');
  for (const row of sel.rows.slice(0, s.shown)) {
    const open = s.open.has(row.index);
    body.appendChild(groupRow(model, row, open, hooks));
    if (open) body.appendChild(detailRow(model, row, hooks));
  }
  return body;
}

/** Opens or closes one row's detail in place, without drawing the table again. */
function setDetail(model: Model, tr: HTMLTableRowElement, row: Row, open: boolean, hooks: TableHooks): void {
  const next = tr.nextElementSibling;
  if (next !== null && next.classList.contains('d')) next.remove();
  if (open) tr.after(detailRow(model, row, hooks));
  tr.classList.toggle('open', open);
  const button = tr.querySelector<HTMLButtonElement>('button.open');
  if (button === null) return;
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  button.setAttribute('title', open ? 'Close the detail' : 'Open the detail');
  button.textContent = open ? '▾' : '▸';
}
