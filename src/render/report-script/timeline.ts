// Denials per day as an inline SVG bar chart, drawn from numbers only (a day's label is text from the
// data and goes in as text): the filtered set over the whole report, or one group's days.

interface Series {
  /** Denials per day index of CtdPageData.days. */
  perDay: number[];
  cls: string;
  label: string;
}

const DAY_MS = 86_400_000;
const MAX_FILLED = 400;

/** The days to draw: every day from the first to the last (when they are dates and not too many), 'unknown' last. */
function slots(days: string[]): { label: string; index: number }[] {
  const dated = days.map((d, i) => ({ label: d, index: i, t: /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN }));
  const real = dated.filter((d) => !Number.isNaN(d.t));
  const rest = dated.filter((d) => Number.isNaN(d.t)).map((d) => ({ label: d.label, index: d.index }));
  if (real.length < 2) return [...real.map((d) => ({ label: d.label, index: d.index })), ...rest];
  const first = real[0].t;
  const span = Math.round((real[real.length - 1].t - first) / DAY_MS) + 1;
  if (span > MAX_FILLED) return [...real.map((d) => ({ label: d.label, index: d.index })), ...rest];
  const byTime = new Map(real.map((d) => [d.t, d.index]));
  const out: { label: string; index: number }[] = [];
  for (let i = 0; i < span; i++) {
    const t = first + i * DAY_MS;
    out.push({ label: new Date(t).toISOString().slice(0, 10), index: byTime.get(t) ?? -1 });
  }
  return [...out, ...rest];
}

/** `width`: the chart's width in the page, so its text is drawn at its size (0 or less: 960). */
function timelineSvg(days: string[], series: Series[], name: string, height = 150, width = 0): SVGSVGElement {
  const W = width > 0 ? Math.max(320, Math.round(width)) : 960;
  const M = { left: 52, right: 10, top: 10, bottom: 26 };
  const plotW = W - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const base = M.top + plotH;
  const cols = slots(days);
  const value = (s: Series, index: number) => (index < 0 ? 0 : (s.perDay[index] ?? 0));
  let max = 0;
  for (const s of series) for (const c of cols) max = Math.max(max, value(s, c.index));
  const slot = cols.length > 0 ? plotW / cols.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  // a day label takes about 90 units: as many as fit
  const every = Math.max(1, Math.ceil(cols.length / Math.max(2, Math.floor(plotW / 90))));
  const svg = svgEl('svg', { class: 'timeline', viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': name });
  const ticks = max >= 2 ? [0, Math.round(max / 2), max] : [0, max];
  for (const v of [...new Set(ticks)]) {
    const y = base - (max > 0 ? (v / max) * plotH : 0);
    svg.appendChild(svgEl('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y, y2: y }));
    svg.appendChild(svgEl('text', { x: M.left - 8, y: y + 4, 'text-anchor': 'end' }, formatCount(v)));
  }
  cols.forEach((c, i) => {
    const x = M.left + i * slot + (slot - barW) / 2;
    const counts = series.map((s) => value(s, c.index));
    const tip = `${c.label}: ${series.map((s, k) => `${formatCount(counts[k])} ${s.label}`).join(', ')}`;
    const g = svgEl('g', {}, svgEl('title', {}, tip));
    series.forEach((s, k) => {
      const h = max > 0 ? (counts[k] / max) * plotH : 0;
      g.appendChild(svgEl('rect', { class: s.cls, x: x.toFixed(2), y: (base - h).toFixed(2), width: barW.toFixed(2), height: h.toFixed(2) }));
    });
    svg.appendChild(g);
    // a label near an edge is kept inside the chart
    const cx = x + barW / 2;
    const anchor = cx + 40 > W ? 'end' : cx - 40 < 0 ? 'start' : 'middle';
    if (i % every === 0) svg.appendChild(svgEl('text', { x: (anchor === 'end' ? W - 2 : cx).toFixed(2), y: base + 17, 'text-anchor': anchor }, c.label));
  });
  svg.appendChild(svgEl('line', { class: 'axis', x1: M.left, x2: W - M.right, y1: base, y2: base }));
  return svg;
}

/** (day index, count) pairs as denials per day index. */
function perDayOf(pairs: number[], days: number): number[] {
  const out = new Array<number>(days).fill(0);
  for (let i = 0; i + 1 < pairs.length; i += 2) out[pairs[i]] += pairs[i + 1];
  return out;
}
