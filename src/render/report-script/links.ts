// Click to filter anywhere: the principals, actions, accounts, policy types (and the other breakdowns)
// of the static sections become buttons that show their groups. A section says what its first column
// is with data-filter (the template writes it); a row may name its value with data-key when the
// cell shows a label. The table of contents keeps the view: it scrolls instead of replacing the fragment.

function showGroups(): void {
  document.getElementById('groups')?.scrollIntoView({ block: 'start' });
}

/** What a click on a value of the section does; null when the page has no such filter (nothing is made clickable). */
function pickerFor(explorer: Explorer, filter: string): ((value: string) => void) | null {
  if (filter === 'principal' || filter === 'action') return (v) => explorer.only(filter, v);
  return explorer.facetIds.includes(filter) ? (v) => explorer.pick(filter, v) : null;
}

function enhanceTables(explorer: Explorer): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-filter]')) {
    const filter = section.getAttribute('data-filter') ?? '';
    const pick = pickerFor(explorer, filter);
    if (pick === null) continue;
    for (const tr of section.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      const cell = tr.cells[0];
      if (cell === undefined) continue;
      const value = tr.getAttribute('data-key') ?? cell.textContent ?? '';
      const b = el('button', { type: 'button', class: 'pick cell', title: `Show the groups of ${filter} ${value}` });
      b.append(...cell.childNodes);
      b.addEventListener('click', () => {
        pick(value);
        showGroups();
      });
      cell.appendChild(b);
    }
  }
  // the Changes tables name principals and actions by cell
  for (const row of document.querySelectorAll<HTMLTableRowElement>('table.changes tbody tr')) {
    for (const [cls, what] of [
      ['arn', 'principal'],
      ['what', 'action'],
    ] as const) {
      const cell = row.querySelector<HTMLElement>(`div.${cls}`);
      if (cell === null) continue;
      const value = cell.textContent ?? '';
      cell.replaceChildren(
        filterButton(what, value, true, () => {
          explorer.only(what, value);
          showGroups();
        }),
      );
    }
  }
}

function keepViewOnAnchors(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')) {
    a.addEventListener('click', (e) => {
      const target = document.getElementById((a.getAttribute('href') ?? '').slice(1));
      if (target === null || !location.hash.startsWith(STATE_PREFIX)) return;
      e.preventDefault();
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
  }
}
