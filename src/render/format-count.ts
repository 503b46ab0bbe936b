// Counts are formatted by hand rather than with toLocaleString so output does not depend on the
// ICU data or locale of the machine that renders it (byte-identical reports everywhere).

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac === undefined ? '' : '.' + frac);
}

/** Share of a total as text, one decimal: '12.5%'. A zero total gives '0%' rather than NaN. */
export function formatShare(part: number, total: number): string {
  if (total <= 0) return '0%';
  const pct = Math.round((part / total) * 1000) / 10;
  return `${pct}%`;
}
