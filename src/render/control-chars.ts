// Characters that act instead of showing, from text the tool did not write (log records, file names,
// a baseline, a rules file): C0 controls (ESC starts terminal sequences: ESC ]0; retitles the window,
// ESC [2J clears it; BEL rings; NUL ends strings in C tools), DEL, C1 controls (U+009B is an 8-bit
// CSI), the bidi marks, embeddings, overrides and isolates that reorder what a reader sees ("Trojan
// Source", CVE-2021-42574), and U+2028/2029, which some tools break lines at. Every text output writes
// them as a visible `\u001b`, JSON's own escape, so a reader sees that one was there and which.
//
//   showControls('a\u001b[2J', ['\n'])   // 'a\\u001b[2J': six characters a reader sees, not one that acts

/** The set, per Unicode: C0, DEL and C1 (Cc), ALM U+061C, LRM/RLM, LRE…RLO, LRI…PDI, LS and PS; CRLF as one. */
const ACTIVE = /\r\n|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The ones JSON.stringify writes raw (it escapes C0 itself): only inside strings, so replacing them in JSON text is safe. */
const ACTIVE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `s` with every active character written as \uXXXX, but those in `keep`: a format's own line breaks,
 * say ('\n', and '\r\n' to keep a CR that ends a line, which cannot hide text as a lone CR can).
 */
export function showControls(s: string, keep: readonly string[] = []): string {
  return s.replace(ACTIVE, (c) => {
    if (keep.includes(c)) return c;
    return c === '\r\n' ? visible('\r') + (keep.includes('\n') ? '\n' : visible('\n')) : visible(c);
  });
}

/** JSON text (JSON.stringify's output) with the active characters it leaves raw written as \u escapes: still valid JSON, the same values. */
export function escapeJsonText(json: string): string {
  return json.replace(ACTIVE_IN_JSON, visible);
}
