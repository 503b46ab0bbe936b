// Guidance as templates need it: checks split at backticks so HTML can show commands as <code>
// without the template ever emitting unescaped text.
import type { GuidanceEntry } from '../classify/guidance-types.js';
import { CATEGORIES, type Category, type Group } from '../types.js';
import type { GuideKey } from './options.js';

export interface CheckSegment {
  text: string;
  code: boolean;
}

export interface CheckView {
  text: string;
  segments: CheckSegment[];
}

export interface GuidanceView {
  id: string;
  title: string;
  checks: CheckView[];
  anchor: string; // the guide's element id in the HTML page ('guide-3'), from its place in the page's list
  variant: string; // '' unless the report has other checks under the same id: then which error codes these are for
}

/**
 * Splits 'Run `aws sts decode-authorization-message`.' into text and code. Anything irregular stays
 * one plain-text segment: an unpaired backtick, an empty code span, or two code spans with nothing
 * between them (in Markdown their fences would merge into one longer fence and let text out).
 */
export function splitCode(text: string): CheckSegment[] {
  const parts = text.split('`');
  const plain = [{ text, code: false }];
  if (parts.length === 1 || parts.length % 2 === 0) return plain;
  const irregular = parts.some((p, i) => (i % 2 === 1 ? p.trim() === '' : p === '' && i > 0 && i < parts.length - 1));
  if (irregular) return plain;
  return parts.map((p, i) => ({ text: p, code: i % 2 === 1 })).filter((s) => s.text !== '');
}

export function viewOf(entry: GuidanceEntry, anchor: string): GuidanceView {
  return {
    id: entry.id,
    title: entry.title,
    checks: entry.checks.map((c) => ({ text: c, segments: splitCode(c) })),
    anchor,
    variant: '',
  };
}

function asCategory(key: string | undefined): Category {
  return CATEGORIES.find((c) => c === key) ?? 'authorization';
}

/**
 * A group mixes denials that share principal, action, policy type and deny kind; it records its
 * categories and error codes only as counts, so ask once per category with the commonest error code.
 */
export function guideKeys(g: Group, withHints: boolean): GuideKey[] {
  const categories = g.categories.length > 0 ? g.categories.map((c) => c.key) : ['authorization'];
  return categories.map((c) => ({
    category: asCategory(c),
    denyKind: g.denyKind,
    policyType: g.policyType,
    hints: withHints ? g.hints.map((h) => h.key) : [],
    errorCode: g.errorCodes[0]?.key ?? '',
    authorizationId: null,
  }));
}
