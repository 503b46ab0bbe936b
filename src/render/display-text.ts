// Text from logs is shown, never obeyed, and never so long that a report cannot be opened:
// - control characters (ESC sequences survive HTML escaping and act when someone `cat`s the report)
//   and bidi overrides (which reorder what a reader sees, the "Trojan Source" trick) are written as a
//   visible \u001b (control-chars.ts), so the reader sees that something was there, and what;
// - a field longer than DISPLAY_LIMIT characters is cut there and says how much was left out: one
//   10 MB user agent, shown in three places, made a 63 MB report.html that took 82 s to open. The
//   whole text is in summary.json (and denials.jsonl, for the fields of a denial).
import { showControls } from './control-chars.js';
import { formatCount } from './format-count.js';

/** Characters (code points) of one field that HTML and Markdown show. */
export const DISPLAY_LIMIT = 2000;

/** `s` cut after `limit` code points (never inside a surrogate pair), with how many more there were. */
export function cutLong(s: string, limit = DISPLAY_LIMIT): string {
  if (s.length <= limit) return s;
  let at = 0;
  for (let n = 0; n < limit && at < s.length; n++) at += isHigh(s.charCodeAt(at)) && isLow(s.charCodeAt(at + 1)) ? 2 : 1;
  if (at >= s.length) return s;
  let more = 0;
  for (let i = at; i < s.length; i++) if (!(isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)))) more++;
  return `${s.slice(0, at)}… ${formatCount(more)} more character${more === 1 ? '' : 's'} (full text in summary.json)`;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Tab and line breaks (CRLF as LF) are left alone: each format decides about them itself; a lone CR is shown. */
export function displayText(s: string): string {
  const cut = cutLong(s);
  return showControls(cut.includes('\r') ? cut.replace(/\r\n/g, '\n') : cut, ['\t', '\n']);
}

/** Applies displayText to every string in a JSON-shaped value (the Summary), keeping its shape. */
export function displayStrings<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return displayText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}
