// Log text printed to a terminal must not be able to move the cursor, rewrite earlier lines, change
// colours or the window title (ESC/CSI/OSC sequences), or reorder text with bidi controls.

// Line and tab characters become a space so words stay apart and the output stays on one line.
const SPACING = /\r\n|[\t\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// C0 and C1 controls (ESC and the 8-bit CSI among them), DEL, and the bidi embedding/override/isolate
// controls (the "Trojan Source" characters).
// eslint-disable-next-line no-control-regex
const STRIP = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeTerminal(s: string): string {
  return s.replace(SPACING, ' ').replace(STRIP, '');
}
