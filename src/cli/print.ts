// What the command line prints, when it holds text the tool did not write (paths, a baseline's title,
// a rules file, log fields): terminal controls are shown as \u001b, not obeyed (render/sanitize-terminal.ts).
import { sanitizeTerminal, sanitizeTerminalLines } from '../render/sanitize-terminal.js';

/** One line on stderr, after the program's name. */
export function warn(text: string): void {
  process.stderr.write(`cloudtrail-denials: ${sanitizeTerminal(text)}\n`);
}

/** Lines on stdout (`text` ends with a line feed). */
export function say(text: string): void {
  process.stdout.write(sanitizeTerminalLines(text));
}
