// Text from logs is shown, never obeyed: control characters (ESC sequences survive HTML escaping and
// act when someone `cat`s the report) and bidi overrides (which reorder what a reader sees, the
// "Trojan Source" trick) are written as a visible \u001b (control-chars.ts), so the reader sees that
// something was there, and what.
import { showControls } from './control-chars.js';

/** Tab and line breaks (CRLF as LF) are left alone: each format decides about them itself; a lone CR is shown. */
export function displayText(s: string): string {
  return showControls(s.includes('\r') ? s.replace(/\r\n/g, '\n') : s, ['\t', '\n']);
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
