import { existsSync, readFileSync } from 'node:fs';
import type { SuppressionSet } from '../aggregate/index.js';
import { UserError } from '../errors.js';
import { parseJsonc } from './jsonc.js';
import { DEFAULT_FINDINGS, type FindingsConfig } from '../findings/index.js';
import { parseFindingsConfig } from './finding-rules.js';
import { parseRules } from './suppress-rules.js';

export const DEFAULT_SUPPRESS_FILE = '.cloudtrail-denials.jsonc';

/** The suppression rules and the findings' settings of one rules file. */
export interface RulesFile {
  suppression: SuppressionSet | null;
  findings: FindingsConfig;
}

/**
 * The rules to apply: `--suppress <file>`, else .cloudtrail-denials.jsonc in the working folder when
 * there is one, else none (`false`: --no-suppress). `asOf` is the reference day for `expires`.
 */
export function loadRulesFile(flag: string | boolean | undefined, asOf: string): RulesFile {
  const none = { suppression: null, findings: { ...DEFAULT_FINDINGS, asOf } };
  if (flag === false) return none;
  const path = typeof flag === 'string' ? flag : existsSync(DEFAULT_SUPPRESS_FILE) ? DEFAULT_SUPPRESS_FILE : null;
  if (path === null) return none;
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
  const rules = parseRules(doc, path);
  const findings = parseFindingsConfig(
    typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>).findings : undefined,
    path,
    asOf,
  );
  return { suppression: rules === null ? null : { source: path, asOf, rules }, findings };
}

export function loadSuppression(flag: string | boolean | undefined, asOf: string): SuppressionSet | null {
  return loadRulesFile(flag, asOf).suppression;
}
