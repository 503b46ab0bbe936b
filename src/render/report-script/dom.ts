// Building elements: the only way this script puts anything into the page. Text becomes text nodes
// (never markup: the page's Content-Security-Policy requires Trusted Types with no policy, so an
// innerHTML assignment would throw anyway), attributes are set one by one and never an event handler,
// a style or a link that leaves the page.

type Attrs = Record<string, string | number | boolean | null>;
type Child = Node | string | null | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on|^style$|^src|action$/i.test(name)) throw new Error(`refused attribute ${name}`);
    if (value === null || value === false) continue;
    const text = value === true ? '' : String(value);
    if (name === 'href' && !text.startsWith('#')) throw new Error('refused link out of the page');
    node.setAttribute(name, text);
  }
}

function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === false) continue;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Replaces an element's children. */
function fill(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatShare(part: number, total: number): string {
  return total <= 0 ? '0%' : `${Math.round((part / total) * 1000) / 10}%`;
}

/** A button that looks like text and filters by what it says. */
function filterButton(label: string, text: string, mono: boolean, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: mono ? 'pick mono' : 'pick', title: `Show only ${label} ${text}` }, text);
  b.addEventListener('click', onClick);
  return b;
}
