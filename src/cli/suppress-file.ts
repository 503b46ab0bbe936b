import { existsSync, readFileSync } from 'node:fs';
import type { SuppressionSet } from '../aggregate/index.js';
import { UserError } from '../errors.js';
import { parseJsonc } from './jsonc.js';
import { parseRules } from './suppress-rules.js';

export const DEFAULT_SUPPRESS_FILE = '.cloudtrail-denials.jsonc';

/**
 * The rules to apply: `--suppress <file>`, else .cloudtrail-denials.jsonc in the working folder when
 * there is one, else none (`false`: --no-suppress). `asOf` is the reference day for `expires`.
 */
export function loadSuppression(flag: string | boolean | undefined, asOf: string): SuppressionSet | null {
  if (flag === false) return null;
  const path = typeof flag === 'string' ? flag : existsSync(DEFAULT_SUPPRESS_FILE) ? DEFAULT_SUPPRESS_FILE : null;
  if (path === null) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`--suppress ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = parseJsonc(text);
  } catch (err) {
    throw new UserError(`${path} is not valid JSON with comments: ${(err as Error).message}`);
  }
  return { source: path, asOf, rules: parseRules(doc, path) };
}
