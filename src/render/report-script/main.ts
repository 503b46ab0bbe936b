// Starts the page's interactive part: reads the data block, draws the explorer in the Groups section
// from the URL fragment's view (or the default one), and follows the fragment as history moves. If the
// data is missing or unreadable nothing changes: the static page is complete on its own.

/** The data block: base64 of the page data's JSON, compressed with raw DEFLATE (render/packed-data.ts). */
async function readData(): Promise<CtdPageData | null> {
  const holder = document.getElementById('ctd-data');
  if (holder === null || typeof DecompressionStream === 'undefined') return null;
  try {
    const bytes = Uint8Array.from(atob(holder.textContent ?? ''), (c) => c.charCodeAt(0));
    const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    const data = JSON.parse(text) as CtdPageData;
    return data.v === 1 ? data : null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const data = await readData();
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

void start();
