// Text from logs is shown, never obeyed: control characters (ESC sequences survive HTML escaping and
// act when someone `cat`s the report) and bidi overrides (which reorder what a reader sees, the
// "Trojan Source" trick) become U+FFFD, so the reader sees that something was there.

// Tab, LF and CR are left alone: each format decides about line breaks itself.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayText(s: string): string {
  return s.replace(INVISIBLE, '\uFFFD');
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
