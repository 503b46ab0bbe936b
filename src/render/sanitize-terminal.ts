// Log text printed to a terminal must not be able to move the cursor, rewrite earlier lines, change
// colours or the window title (ESC/CSI/OSC sequences), or reorder text with bidi controls: they are
// written as a visible \u001b (control-chars.ts), so a reader also sees that they were there.
import { showControls } from './control-chars.js';

// Tab, CR and LF become a space, so words stay apart and the output stays on one line.
const SPACING = /\r\n|[\t\n\r]/g;

export function sanitizeTerminal(s: string): string {
  return showControls(s.replace(SPACING, ' '));
}

/** Several lines (a message that is its own paragraph): as sanitizeTerminal, but line feeds stay. */
export function sanitizeTerminalLines(s: string): string {
  return s
    .split('\n')
    .map((line) => sanitizeTerminal(line))
    .join('\n');
}
