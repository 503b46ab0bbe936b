// The Groups section, working: a search box, the facets, the filters in force, the timeline of the
// groups shown, the table and its pager, all redrawn from one ViewState that the URL fragment keeps.
// The static table stays in the page, hidden: it is what a reader without the script gets.

interface Explorer extends Picker {
  /** Shows the state; 'push' adds a history entry, 'replace' rewrites the current one, 'none' leaves the URL. */
  apply: (s: ViewState, how: 'push' | 'replace' | 'none') => void;
  /** The facets the page data has, by id. */
  facetIds: string[];
}

function copyState(s: ViewState): ViewState {
  return { ...s, picked: s.picked.map((p) => new Set(p)), open: new Set(s.open) };
}

function chipsOf(model: Model, s: ViewState, remove: (change: (next: ViewState) => void) => void): HTMLElement[] {
  const chip = (label: string, value: string, change: (next: ViewState) => void) => {
    const b = el(
      'button',
      { type: 'button', class: 'fchip', 'aria-label': `Remove filter ${label} ${value}` },
      `${label}: `,
      el('span', { class: 'mono' }, value),
      ' ×',
    );
    b.addEventListener('click', () => remove(change));
    return b;
  };
  const out: HTMLElement[] = [];
  if (s.q.trim() !== '') out.push(chip('search', s.q.trim(), (n) => (n.q = '')));
  if (s.principal !== null) out.push(chip('principal', s.principal, (n) => (n.principal = null)));
  if (s.action !== null) out.push(chip('action', s.action, (n) => (n.action = null)));
  model.data.facets.forEach((f, fi) => {
    for (const key of s.picked[fi]) {
      const vi = model.facetIndex[fi].get(key);
      const label = vi === undefined ? key : (model.data.strings[f.labels[vi]] ?? key);
      out.push(chip(f.label.toLowerCase(), label, (n) => n.picked[fi].delete(key)));
    }
  });
  return out;
}

function statusText(model: Model, sel: GroupSelection, s: ViewState): string {
  const total = model.rows.length;
  const shown = Math.min(s.shown, sel.rows.length);
  const of = unfiltered(s)
    ? `${formatCount(total)} groups, ${formatCount(model.data.denials)} denials`
    : `${formatCount(sel.rows.length)} of ${formatCount(total)} groups match, ${formatCount(sel.denials)} of ${formatCount(model.data.denials)} denials`;
  return sel.rows.length === 0
    ? `No group matches (of ${formatCount(total)}).`
    : `${of}. Listed: ${shown === sel.rows.length ? 'all' : `the first ${formatCount(shown)}`}, by ${SORTS[s.sort].label.toLowerCase()} ${s.dir === 'asc' ? 'ascending' : 'descending'}.`;
}

/** The facets start folded away on a phone, where they would stand between the reader and the groups. */
function narrow(): boolean {
  return window.matchMedia('(max-width: 860px)').matches;
}

function mountExplorer(model: Model, section: HTMLElement, staticPart: HTMLElement | null): Explorer {
  const d = model.data;
  let state = freshState(d);
  const search = el('input', {
    type: 'search',
    id: 'ctd-q',
    class: 'search',
    placeholder: 'Search principal, action, resource, IP, user agent, event ID…',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'ctd-status',
  });
  const clear = el('button', { type: 'button', class: 'clear' }, 'Clear filters');
  const chips = el('div', { class: 'chips', role: 'group', 'aria-label': 'Filters in force' });
  const status = el('p', { class: 'status', id: 'ctd-status', role: 'status', 'aria-live': 'polite', tabindex: -1 });
  const chart = el('figure', { class: 'ftl' });
  const table = el('table', { class: 'groups x' });
  const pager = el('div', { class: 'pager' });
  const explorer: Explorer = {
    apply,
    facetIds: d.facets.map((f) => f.id),
    only(what, value) {
      const n = copyState(state);
      if (what === 'principal') n.principal = value;
      else n.action = value;
      n.shown = PAGE;
      apply(n, 'push');
      status.focus();
    },
    pick(facet, key) {
      const fi = d.facets.findIndex((f) => f.id === facet);
      if (fi < 0) return;
      const n = copyState(state);
      n.picked[fi].add(key);
      n.shown = PAGE;
      apply(n, 'push');
      status.focus();
    },
  };
  const hooks: TableHooks = {
    only: explorer.only,
    pick: explorer.pick,
    sort(key) {
      const n = copyState(state);
      n.dir = n.sort === key ? (n.dir === 'asc' ? 'desc' : 'asc') : SORTS[key].first;
      n.sort = key;
      apply(n, 'push');
      table.querySelector<HTMLButtonElement>('button.sort.on')?.focus();
    },
    toggle(index) {
      const n = copyState(state);
      const open = !n.open.has(index);
      if (open) n.open.add(index);
      else n.open.delete(index);
      state = n;
      const tr = table.querySelector<HTMLTableRowElement>(`tr[data-rank="${index + 1}"]`);
      const row = model.rows[index];
      if (tr !== null && row !== undefined) setDetail(model, tr, row, open, hooks);
      remember('push');
    },
  };
  const facets = facetPanel(model, (fi, key, on) => {
    const n = copyState(state);
    if (on) n.picked[fi].add(key);
    else n.picked[fi].delete(key);
    n.shown = PAGE;
    apply(n, 'push');
  });
  search.addEventListener('input', () => {
    const n = copyState(state);
    n.q = search.value;
    n.shown = PAGE;
    apply(n, 'replace');
  });
  clear.addEventListener('click', () => {
    const n = freshState(d);
    n.sort = state.sort;
    n.dir = state.dir;
    apply(n, 'push');
    search.focus();
  });
  const more = (count: number) => {
    const b = el('button', { type: 'button' }, `Show ${formatCount(count)} more`);
    b.addEventListener('click', () => {
      const n = copyState(state);
      n.shown += count;
      apply(n, 'replace');
    });
    return b;
  };

  function apply(next: ViewState, how: 'push' | 'replace' | 'none'): void {
    const t0 = performance.now();
    state = next;
    const sel = select(model, state);
    const t1 = performance.now();
    // a detail opened by a link is listed even when it is past the first page
    for (const i of state.open) {
      const at = sel.rows.findIndex((r) => r.index === i);
      if (at >= state.shown) state.shown = Math.ceil((at + 1) / PAGE) * PAGE;
    }
    if (search.value !== state.q) search.value = state.q;
    clear.hidden = unfiltered(state);
    fill(
      chips,
      ...chipsOf(model, state, (change) => {
        const n = copyState(state);
        change(n);
        apply(n, 'push');
        search.focus();
      }),
    );
    status.textContent = statusText(model, sel, state);
    facets.update(sel, state);
    drawChart(sel);
    fill(table, tableHead(state, hooks), tableBody(model, sel, state, hooks));
    const left = sel.rows.length - Math.min(state.shown, sel.rows.length);
    fill(pager, left > 0 ? more(Math.min(PAGE, left)) : null, left > PAGE ? more(Math.min(10 * PAGE, left)) : null);
    // what the last change cost, for test/bench/html-bench.mjs: choosing the groups, then drawing them
    performance.clearMeasures('ctd-select');
    performance.clearMeasures('ctd-draw');
    performance.measure('ctd-select', { start: t0, end: t1 });
    performance.measure('ctd-draw', { start: t1, end: performance.now() });
    if (how !== 'none') remember(how);
  }

  function remember(how: 'push' | 'replace'): void {
    const url = writeState(state, d);
    if (url !== location.hash) history[how === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }

  function drawChart(sel: GroupSelection): void {
    if (!d.timelines || d.days.length === 0) {
      chart.hidden = true;
      return;
    }
    const all = perDayOf(d.all, d.days.length);
    const series: Series[] = unfiltered(state)
      ? [{ perDay: all, cls: 'mine', label: 'denials' }]
      : [
          { perDay: all, cls: 'all', label: 'in the report' },
          { perDay: sel.days, cls: 'mine', label: 'in the groups that match' },
        ];
    const caption = unfiltered(state)
      ? 'Denials per day (UTC), all groups'
      : 'Denials per day (UTC): the groups that match (dark) against the whole report (light)';
    fill(chart, el('figcaption', {}, caption), timelineSvg(d.days, series, caption, 150, chart.clientWidth));
  }

  const wrap = el(
    'div',
    { class: 'explore', id: 'ctd-explore' },
    el('div', { class: 'bar' }, el('label', { for: 'ctd-q', class: 'offscreen' }, 'Search groups'), search, clear),
    chips,
    status,
    el(
      'div',
      { class: 'xgrid' },
      el('details', { class: 'fwrap', open: !narrow() }, el('summary', {}, 'Filters'), facets.root),
      el('div', { class: 'results' }, chart, el('div', { class: 'scroll' }, table), pager),
    ),
  );
  // a chart is drawn to its width (its text stays readable on a phone): drawn again when that changes
  let width = 0;
  new ResizeObserver(() => {
    if (chart.clientWidth !== width && !chart.hidden) {
      width = chart.clientWidth;
      drawChart(select(model, state));
    }
  }).observe(chart);
  apply(state, 'none');
  if (staticPart !== null) {
    staticPart.before(wrap);
    staticPart.hidden = true;
  } else section.appendChild(wrap);
  return explorer;
}
