// The page's guides, each text once: in page order (the policy types', then the hints'), anchors from
// their place, a guide per distinct text (an error code's own checks make another), each group and
// policy type referring to them by index.
import { describe, expect, it } from 'vitest';
import { guideCatalogue } from '../../src/render/guide-catalogue.js';
import { buildViewModel } from '../../src/render/build-view-model.js';
import type { Guide } from '../../src/render/options.js';
import type { Group } from '../../src/types.js';
import { fakeGuide, loadSummary } from './helpers.js';

const summary = loadSummary('realistic');
const base = summary.groups[0];
const group = (over: Partial<Group>): Group => ({ ...base, ...over });

describe('guide catalogue', () => {
  it('lists each guide once, anchored by its place, the policy types first and the hints after', () => {
    const c = guideCatalogue(summary.groups, fakeGuide);
    expect(c.guides.map((g) => g.anchor)).toEqual(c.guides.map((_, i) => `guide-${i + 1}`));
    const texts = c.guides.map((g) => JSON.stringify([g.id, g.title, g.checks]));
    expect(new Set(texts).size).toBe(texts.length);
    const typed = [...c.byPolicyType.values()].flat();
    expect(typed.every((i) => !c.guides[i].id.startsWith('hint/'))).toBe(true);
    expect(c.extra.map((i) => c.guides[i].id).every((id) => id.startsWith('hint/'))).toBe(true);
    expect([...new Set(typed)].sort((a, b) => a - b)).toEqual(typed.map((_, i) => i));
    // every group's guides, as the lookup gives them, by index
    summary.groups.forEach((g, gi) => {
      const hinted = new Set(g.hints.map((h) => `hint/${h.key}`));
      expect(c.perGroup[gi].map((i) => c.guides[i].id).filter((id) => id.startsWith('hint/'))).toEqual([...hinted].sort());
    });
  });

  it('keeps the same id with other checks as another guide, saying which error codes it is for', () => {
    const groups = [
      group({ key: 'a', count: 5, errorCodes: [{ key: 'AccessDenied', count: 5 }], hints: [] }),
      group({ key: 'b', count: 3, errorCodes: [{ key: 'ExpiredToken', count: 3 }], hints: [] }),
      group({ key: 'c', count: 1, errorCodes: [{ key: 'AccessDenied', count: 1 }], hints: [] }),
    ];
    const c = guideCatalogue(groups, fakeGuide);
    expect(c.guides).toHaveLength(2);
    expect(c.guides[0].id).toBe(c.guides[1].id);
    expect(c.guides.map((g) => g.variant)).toEqual(['for error code AccessDenied', 'for error code ExpiredToken']);
    expect(c.perGroup).toEqual([[0], [1], [0]]);
    // a guide whose id has one text says nothing more
    expect(guideCatalogue([groups[0]], fakeGuide).guides[0].variant).toBe('');
  });

  it('looks up each distinct situation once', () => {
    let calls = 0;
    const counting: Guide = (key) => {
      calls++;
      return fakeGuide(key);
    };
    const many = Array.from({ length: 500 }, (_, i) => group({ key: `k${i}` }));
    guideCatalogue(many, counting);
    expect(calls).toBe(2); // once without hints (its policy type), once with
  });

  it('shows a guide two policy types share under the first, and links to it from the second', () => {
    // one fallback guide for every policy type
    const shared: Guide = () => [{ id: 'authorization/explicit/unspecified', title: 'Find the explicit Deny', checks: ['Look everywhere.'] }];
    const groups = [group({ key: 'a', policyType: 'identity-based', count: 5 }), group({ key: 'b', policyType: 'session-policy', count: 2 })];
    const vm = buildViewModel(
      {
        ...summary,
        groups,
        byPolicyType: [
          { key: 'identity-based', count: 5 },
          { key: 'session-policy', count: 2 },
        ],
      },
      { top: 10, guide: shared },
    );
    const byType = vm.guidanceByPolicyType.map((t) => [t.key, t.shown.map((g) => g.anchor), t.elsewhere.map((g) => g.anchor)]);
    expect(byType).toEqual([
      ['identity-based', ['guide-1'], []],
      ['session-policy', [], ['guide-1']],
    ]);
    expect(vm.groups.items.map((r) => r.guidance.map((g) => g.anchor))).toEqual([['guide-1'], ['guide-1']]);
  });
});
