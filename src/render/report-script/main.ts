// Starts the page's interactive part: reads the data block, draws the explorer in the Groups section
// from the URL fragment's view (or the default one), and follows the fragment as history moves. If the
// data is missing or unreadable nothing changes: the static page is complete on its own.

function readData(): CtdPageData | null {
  const holder = document.getElementById('ctd-data');
  if (holder === null) return null;
  try {
    const data = JSON.parse(holder.textContent ?? '') as CtdPageData;
    return data.v === 1 ? data : null;
  } catch {
    return null;
  }
}

function start(): void {
  const data = readData();
  const section = document.getElementById('groups');
  if (data === null || section === null || data.groups.length === 0) return;
  const model = decodeModel(data);
  const explorer = mountExplorer(model, section, section.querySelector<HTMLElement>('.static-groups'));
  enhanceTables(explorer);
  keepViewOnAnchors();
  const fromUrl = readState(location.hash, data);
  if (fromUrl !== null) {
    explorer.apply(fromUrl, 'none');
    showGroups();
  }
  window.addEventListener('popstate', () => explorer.apply(readState(location.hash, data) ?? freshState(data), 'none'));
  document.documentElement.setAttribute('data-explore', 'ready');
  prepareSearch(model.rows);
  // for test/bench/html-bench.mjs: when the page became usable, from the start of its navigation
  performance.mark('ctd-ready');
}

start();
