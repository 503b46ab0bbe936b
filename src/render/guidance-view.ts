// Guidance as templates need it: checks split at backticks so HTML can show commands as <code>
// without the template ever emitting unescaped text.
import type { GuidanceEntry } from '../classify/guidance-types.js';
import { CATEGORIES, type Category, type Group, type Summary } from '../types.js';
import type { Guide, GuideKey } from './options.js';

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

function view(entry: GuidanceEntry): GuidanceView {
  return {
    id: entry.id,
    title: entry.title,
    checks: entry.checks.map((c) => ({ text: c, segments: splitCode(c) })),
  };
}

function asCategory(key: string | undefined): Category {
  return CATEGORIES.find((c) => c === key) ?? 'authorization';
}

/**
 * A group mixes denials that share principal, action, policy type and deny kind; it records its
 * categories and error codes only as counts, so ask once per category with the commonest error code.
 */
function groupKeys(g: Group, withHints: boolean): GuideKey[] {
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

function collect(guide: Guide, keys: GuideKey[]): GuidanceView[] {
  const seen = new Set<string>();
  const out: GuidanceView[] = [];
  for (const key of keys) {
    for (const entry of guide(key)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      out.push(view(entry));
    }
  }
  return out;
}

export function groupGuidance(g: Group, guide: Guide): GuidanceView[] {
  return collect(guide, groupKeys(g, true));
}

/**
 * The advice for a policy type, whatever the context: every (category, deny kind) under which it was
 * seen, hints left out (those belong to the individual groups). Groups come sorted by count, so the
 * commonest situation's advice comes first.
 */
export function policyTypeGuidance(summary: Summary, policyType: string, guide: Guide): GuidanceView[] {
  const groups = summary.groups.filter((g) => g.policyType === policyType);
  return collect(
    guide,
    groups.flatMap((g) => groupKeys(g, false)),
  );
}
