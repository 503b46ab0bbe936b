// A mistake in a template (`--templates <dir>`, or the built-in ones) becomes one line that names the
// file, the line and the expression: handlebars' own errors say `"denials" not defined in
// [object Object] - 3:2`, and some (a helper given a missing field) say nothing of where.
import { UserError } from '../errors.js';

/** A template mistake, told by file and line; a UserError (exit 1, no report written). */
export class TemplateError extends UserError {
  override name = 'TemplateError';
}

interface Position {
  line: number; // from 1
  column: number; // from 0
}

/** Thrown by the helpers (handlebars-env.ts) where they find a mistake; made a TemplateError by the template it is in. */
export class TemplateProblem extends Error {
  constructor(
    readonly what: string,
    readonly at: Position | null,
  ) {
    super(what);
  }
}

const DOCS = 'the fields are listed in templates/README.md';

/** The `{{…}}` around a place in the source, for quoting. */
function mustacheAt(source: string, at: Position): string {
  const line = source.split('\n')[at.line - 1] ?? '';
  const open = line.lastIndexOf('{{', at.column + 1);
  const close = line.indexOf('}}', Math.max(open, at.column));
  if (open < 0 || close < 0) return line.trim();
  return line
    .slice(open, close + 2)
    .replace(/^\{\{~?/, '{{')
    .replace(/~?\}\}$/, '}}');
}

function described(err: unknown, source: string): { at: Position | null; what: string } {
  if (err instanceof TemplateProblem) return { at: err.at, what: err.at === null ? err.what : `${mustacheAt(source, err.at)}: ${err.what}` };
  const e = err as Error & { lineNumber?: number; column?: number };
  const message = (e.message ?? String(err)).replace(/ - \d+:\d+$/, '');
  const at = typeof e.lineNumber === 'number' ? { line: e.lineNumber, column: e.column ?? 0 } : null;
  const missing = /^"(.+)" not defined in /.exec(message);
  if (missing !== null && at !== null) return { at, what: `${mustacheAt(source, at)}: the view-model has no field "${missing[1]}" here` };
  const unmatched = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (unmatched !== null) return { at, what: `{{#${unmatched[1]}}} is closed by {{/${unmatched[2]}}}` };
  const parse = /^Parse error on line (\d+):/.exec(message);
  if (parse !== null) {
    const got = message.split('\n').at(-1) ?? '';
    return {
      at: { line: Number(parse[1]), column: 0 },
      what: `the template does not parse (${got.replace(/^Expecting (.{0,80}).*?(, got .*)$/, 'expecting $1…$2')})`,
    };
  }
  if (err instanceof TypeError && /Cannot use 'in' operator/.test(message))
    return { at, what: `a field was looked up inside a value that has none (${message})` };
  return { at, what: message.split('\n')[0] };
}

/** `where`: the template's file, or what it is when there is none ("the md template", "partial md-x"). */
export function templateError(err: unknown, where: string, source: string): TemplateError {
  if (err instanceof TemplateError) return err;
  const { at, what } = described(err, source);
  return new TemplateError(`template error in ${where}${at === null ? '' : `, line ${at.line}`}: ${what}; ${DOCS}`);
}
