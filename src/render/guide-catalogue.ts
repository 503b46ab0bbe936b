// Every guidance text the HTML page shows, each once: the page lists them in its Policy types section
// (with an anchor from the guide's place in this list, never from its text) and everything else refers
// to them, the static groups table by link, the script's detail view by copying the element. The same
// guidance id can come with different checks (an error code adds its own first checks), so a guide is
// one distinct text, not one id; such variants say which error codes they are for.
//
//   const catalogue = guideCatalogue(displayed.groups, guide);   // guide: displayStrings applied
import type { GuidanceEntry } from '../classify/guidance-types.js';
import type { Group } from '../types.js';
import { guideKeys, type GuidanceView, viewOf } from './guidance-view.js';
import type { Guide, GuideKey } from './options.js';

export interface GuideCatalogue {
  /** Each distinct guide once, in page order: the policy types' (commonest first), then those from hints. */
  guides: GuidanceView[];
  /** Policy type key → its guides (hints left out), indices into guides. */
  byPolicyType: Map<string, number[]>;
  /** Per group, in the order given: its guides, indices into guides. */
  perGroup: number[][];
  /** Guides no policy type lists (the hints'), indices into guides. */
  extra: number[];
}

/** The guidance lookup, once per distinct key: thousands of groups share a few dozen situations. */
export function memoized(guide: Guide): Guide {
  const seen = new Map<string, ReturnType<Guide>>();
  return (key) => {
    const id = JSON.stringify([key.category, key.denyKind, key.policyType, key.hints, key.errorCode, key.authorizationId]);
    let entries = seen.get(id);
    if (entries === undefined) seen.set(id, (entries = guide(key)));
    return entries;
  };
}

/** How many error codes a variant names before it says how many more. */
const CODES_NAMED = 3;

function variantText(codes: string[]): string {
  const named = codes.slice(0, CODES_NAMED).map((c) => (c === '' ? '(none)' : c));
  const more = codes.length - named.length;
  return `for error code${codes.length === 1 ? '' : 's'} ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function guideCatalogue(groups: readonly Group[], lookup: Guide): GuideCatalogue {
  const guide = memoized(lookup);
  const guides: GuidanceView[] = [];
  const codes: Set<string>[] = [];
  const index = new Map<string, number>();
  // the memoized lookup hands back the same entry objects: their text is compared once
  const known = new Map<GuidanceEntry, number>();
  const add = (keys: GuideKey[]): number[] => {
    const out: number[] = [];
    for (const key of keys) {
      for (const entry of guide(key)) {
        let at = known.get(entry);
        if (at === undefined) {
          const text = JSON.stringify([entry.id, entry.title, entry.checks]);
          at = index.get(text);
          if (at === undefined) {
            at = guides.length;
            index.set(text, at);
            guides.push(viewOf(entry, `guide-${at + 1}`));
            codes.push(new Set());
          }
          known.set(entry, at);
        }
        codes[at].add(key.errorCode);
        if (!out.includes(at)) out.push(at);
      }
    }
    return out;
  };
  // The policy types first, commonest first and each type's commonest situation first (groups come by count).
  const byPolicyType = new Map<string, number[]>();
  const typeCounts = new Map<string, number>();
  for (const g of groups) typeCounts.set(g.policyType, (typeCounts.get(g.policyType) ?? 0) + g.count);
  const types = [...typeCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  for (const type of types) {
    const list: number[] = [];
    for (const g of groups) if (g.policyType === type) for (const i of add(guideKeys(g, false))) if (!list.includes(i)) list.push(i);
    byPolicyType.set(type, list);
  }
  const listed = new Set([...byPolicyType.values()].flat());
  const perGroup = groups.map((g) => add(guideKeys(g, true)));
  const extra = guides.map((_, i) => i).filter((i) => !listed.has(i));
  // a guide id with more than one text: each says which error codes it is for
  const texts = new Map<string, number>();
  for (const g of guides) texts.set(g.id, (texts.get(g.id) ?? 0) + 1);
  guides.forEach((g, i) => {
    if ((texts.get(g.id) ?? 0) > 1) g.variant = variantText([...codes[i]].sort());
  });
  return { guides, byPolicyType, perGroup, extra };
}
