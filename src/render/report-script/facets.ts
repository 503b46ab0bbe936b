// The facet filters: a fieldset of checkboxes per facet, values in a fixed order (most denials in the
// whole report first, so nothing jumps while counts change), each with the denials picking it would
// show. Built once; an update changes counts, checks and which values are listed, so the checkbox
// that has the focus keeps it.

interface FacetPanel {
  root: HTMLElement;
  update: (sel: GroupSelection, s: ViewState) => void;
}

const LISTED = 8;

interface ValueItem {
  li: HTMLLIElement;
  box: HTMLInputElement;
  count: HTMLSpanElement;
  key: string;
}

function facetPanel(model: Model, onToggle: (facet: number, key: string, on: boolean) => void): FacetPanel {
  const d = model.data;
  const items: ValueItem[][] = [];
  const expanded: boolean[] = d.facets.map(() => false);
  const moreButtons: HTMLButtonElement[] = [];
  const sets = d.facets.map((f, fi) => {
    const list = el('ul', { class: 'plain' });
    items[fi] = f.values.map((v, vi) => {
      const key = d.strings[v] ?? '';
      const label = d.strings[f.labels[vi]] ?? key;
      const box = el('input', { type: 'checkbox', id: `ctd-f-${fi}-${vi}` });
      box.addEventListener('change', () => onToggle(fi, key, box.checked));
      const count = el('span', { class: 'n' });
      const li = el('li', {}, el('label', { for: `ctd-f-${fi}-${vi}` }, box, el('span', { class: 'v' }, label), count));
      list.appendChild(li);
      return { li, box, count, key };
    });
    const more = el('button', { type: 'button', class: 'linkish', hidden: true });
    more.addEventListener('click', () => {
      expanded[fi] = !expanded[fi];
      panel.update(last.sel, last.s);
    });
    moreButtons[fi] = more;
    return el('fieldset', { class: 'facet', 'data-facet': f.id }, el('legend', {}, f.label), list, more);
  });
  const root = el('div', { class: 'facets', role: 'group', 'aria-label': 'Filters' }, ...sets);
  const last: { sel: GroupSelection; s: ViewState } = { sel: { rows: [], denials: 0, counts: [], days: [] }, s: freshState(d) };
  const panel: FacetPanel = {
    root,
    update(sel, s) {
      last.sel = sel;
      last.s = s;
      items.forEach((values, fi) => {
        let listed = 0;
        let hidden = 0;
        values.forEach((item, vi) => {
          const n = sel.counts[fi]?.[vi] ?? 0;
          const on = s.picked[fi].has(item.key);
          const relevant = n > 0 || on;
          const show = relevant && (on || expanded[fi] || listed < LISTED || item.box === document.activeElement);
          if (relevant && !show) hidden++;
          if (show) listed++;
          // only what changed is touched: a page of 10,000 groups is laid out again for each change
          if (item.box.checked !== on) item.box.checked = on;
          const text = formatCount(n);
          if (item.count.textContent !== text) item.count.textContent = text;
          if (item.li.hidden === show) item.li.hidden = !show;
          if (item.li.classList.contains('zero') !== (n === 0)) item.li.classList.toggle('zero', n === 0);
        });
        const more = moreButtons[fi];
        const noMore = hidden === 0 && !expanded[fi];
        if (more.hidden !== noMore) more.hidden = noMore;
        const label = expanded[fi] ? 'Show fewer' : `Show ${formatCount(hidden)} more`;
        if (more.textContent !== label) {
          more.textContent = label;
          more.setAttribute('aria-label', `${label} ${d.facets[fi].label.toLowerCase()} values`);
        }
      });
    },
  };
  return panel;
}
