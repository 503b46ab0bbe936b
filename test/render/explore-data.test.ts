// The page data the HTML report's script works from: each facet, list and fact row of
// explore-fields.ts with an example, texts stored once, lists cut for the page with what was left
// out, timelines by day; and the JSON escaped so that no text can end its <script> element.
import { describe, expect, it } from 'vitest';
import { exploreData as exploreDataOf } from '../../src/render/explore-data.js';
import { guideCatalogue } from '../../src/render/guide-catalogue.js';
import { FACETS, FACTS, LISTS, facetsFor, pageListLimit, severityByPrincipal } from '../../src/render/explore-fields.js';
import { scriptJson } from '../../src/render/script-json.js';
import type { Cause, Counted, Finding, Group, Summary } from '../../src/types.js';
import { fakeGuide, loadSummary } from './helpers.js';

const summary = loadSummary('realistic');
/** As the HTML renderer makes it: with the page's list of guides, of the same groups. */
const exploreData = (s: Summary, guide = fakeGuide) => exploreDataOf(s, guideCatalogue(s.groups, guide));
const data = exploreData(summary, fakeGuide);
const str = (i: number) => data.strings[i];
const facet = (id: string) => data.facets.findIndex((f) => f.id === id);
/** A group's values of a facet, as keys with their denials. */
const facetValues = (g: CtdGroup, id: string): Counted[] => {
  const f = facet(id);
  const pairs = g[17][f];
  const out: Counted[] = [];
  for (let i = 0; i < pairs.length; i += 2) out.push({ key: str(data.facets[f].values[pairs[i]]), count: pairs[i + 1] });
  return out;
};

function group(over: Partial<Group>): Group {
  return { ...summary.groups[0], ...over };
}

describe('page data', () => {
  it('holds every group, in the Summary order, with its names, kinds and counts', () => {
    expect(data.groups).toHaveLength(summary.groups.length);
    data.groups.forEach((g, i) => {
      const s = summary.groups[i];
      expect([str(g[1]), str(g[4]), str(g[5]), str(g[8]), g[11], str(g[12]), str(g[13])]).toEqual([
        s.principal,
        s.action,
        s.policyType,
        s.denyKind,
        s.count,
        s.firstSeen,
        s.lastSeen,
      ]);
      expect(g[0]).toBe(-1); // the key follows from principal | action | policy type | deny kind
      expect(`${str(g[1])} | ${str(g[4])} | ${str(g[5])} | ${str(g[8])}`).toBe(s.key);
      expect(new Set(g[19]).size).toBe(g[19].length);
      expect(g[19].map((n) => data.guides[n].id)).toEqual(
        fakeGuide({
          category: s.categories[0].key as 'authorization',
          denyKind: s.denyKind,
          policyType: s.policyType,
          hints: s.hints.map((h) => h.key),
          errorCode: s.errorCodes[0]?.key ?? '',
          authorizationId: null,
        }).map((e) => e.id),
      );
    });
    expect(data.denials).toBe(summary.totals.denials);
  });

  it('stores each text once, and of the guidance only which guide element to copy', () => {
    expect(new Set(data.strings).size).toBe(data.strings.length);
    expect(data.guides.map((g) => g.el)).toEqual(data.guides.map((_, i) => `guide-${i + 1}`));
    // the checks are in the page once (its Policy types section), not in the data
    const json = JSON.stringify(data);
    expect(json).not.toContain('simulate-principal-policy');
    expect(json).not.toContain('Find the statement');
  });

  it('reads each facet of explore-fields.ts from the group, values ordered by denials in the report', () => {
    // a summary without --policies has no cause facet (the realistic fixture has findings)
    expect(data.facets.map((f) => f.id)).toEqual(FACETS.map((f) => f.id).filter((id) => id !== 'cause'));
    expect(facetsFor(summary).map((f) => f.id)).toEqual(data.facets.map((f) => f.id));
    const g = group({
      policyType: 'service-control-policy',
      denyKind: 'explicit',
      principalType: '',
      count: 7,
      categories: [{ key: 'authorization', count: 7 }],
      accounts: [
        { key: '111122223333', count: 5 },
        { key: '444455556666', count: 2 },
      ],
      regions: [{ key: 'us-east-1', count: 7 }],
      hints: [],
    });
    const one = exploreData({ ...summary, groups: [g] }, fakeGuide).groups[0];
    const oneData = exploreData({ ...summary, groups: [g] }, fakeGuide);
    const values = (id: string) => {
      const f = oneData.facets.findIndex((x) => x.id === id);
      const pairs = one[17][f];
      return Array.from({ length: pairs.length / 2 }, (_, i) => ({
        key: oneData.strings[oneData.facets[f].values[pairs[2 * i]]],
        label: oneData.strings[oneData.facets[f].labels[pairs[2 * i]]],
        count: pairs[2 * i + 1],
      }));
    };
    expect(values('policyType')).toEqual([{ key: 'service-control-policy', label: 'Service control policy (SCP)', count: 7 }]);
    expect(values('denyKind')).toEqual([{ key: 'explicit', label: 'explicit deny', count: 7 }]);
    expect(values('category')).toEqual([{ key: 'authorization', label: 'authorization', count: 7 }]);
    expect(values('account')).toEqual([
      { key: '111122223333', label: '111122223333', count: 5 },
      { key: '444455556666', label: '444455556666', count: 2 },
    ]);
    expect(values('region')).toEqual([{ key: 'us-east-1', label: 'us-east-1', count: 7 }]);
    expect(values('principalType')).toEqual([{ key: '', label: '(none)', count: 7 }]);
    expect(values('hint')).toEqual([{ key: '', label: '(none)', count: 7 }]);
    // over the realistic report: the totals of a facet's values are the report's breakdown
    const sums = new Map<string, number>();
    for (const grp of data.groups) for (const c of facetValues(grp, 'policyType')) sums.set(c.key, (sums.get(c.key) ?? 0) + c.count);
    expect([...sums].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))).toEqual(summary.byPolicyType);
    expect(data.facets[facet('policyType')].values.map(str)).toEqual(summary.byPolicyType.map((c) => c.key));
  });

  it('cuts a long list for the page, saying how many more summary.json has and which lists are upper bounds', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ key: `198.51.100.${i}`, count: 120 - i }));
    const groups = Array.from({ length: 1002 }, (_, i) =>
      group({ key: `k${i}`, principal: `p${i}`, sourceIps: many, cuts: [{ list: 'sourceIps', kept: 120, maxError: 3 }] }),
    );
    const d = exploreData({ ...summary, groups }, fakeGuide);
    const ip = LISTS.findIndex((l) => l.id === 'sourceIps');
    for (const rank of [1, 1000, 1001]) {
      const g = d.groups[rank - 1];
      const limit = pageListLimit(rank);
      expect(g[14][ip]).toHaveLength(2 * limit);
      expect(d.strings[g[14][ip][0]]).toBe('198.51.100.0');
      expect(g[15]).toEqual([ip, 120 - limit]);
      expect(g[16]).toEqual([ip]);
    }
    expect([pageListLimit(1), pageListLimit(1001)]).toEqual([50, 10]);
  });

  it('states the facts of explore-fields.ts: a folded row says what it stands for, and keeps its key', () => {
    expect(FACTS.map((f) => f.label)).toEqual(['Cause', 'Folded']);
    const folded = group({
      key: '(other principals) | s3:GetObject | identity-based | implicit',
      principal: '(other principals)',
      folded: { principals: 1234, actions: 5 },
    });
    const d = exploreData({ ...summary, groups: [folded, summary.groups[1]] }, fakeGuide);
    const [f, plain] = d.groups;
    expect(d.strings[f[0]]).toBe(folded.key);
    expect(d.strings[f[1]]).toBe('(other principals: up to 1,234)');
    expect(f[20].map((i) => d.strings[i])).toEqual([
      'Folded',
      'this row stands for up to 1,234 groups of rarer principals and 5 rows of rarer actions (see the note under Groups)',
    ]);
    expect(f[22]).toBe(1);
    expect([plain[20], plain[22]]).toEqual([[], 0]);
  });

  it('with findings, gives each group the highest severity of the findings that name its principal', () => {
    const finding = (severity: Finding['severity'], principals: string[]): Finding =>
      ({ severity, evidence: { principals: principals.map((key) => ({ key, count: 1 })) } }) as Finding;
    const [a, b, c] = summary.groups;
    const findings = [finding('medium', [a.principal, b.principal]), finding('high', [a.principal])];
    const severity = severityByPrincipal(findings);
    expect([severity(a), severity(b), severity({ ...c, principal: 'arn:aws:iam::1:user/nobody' })]).toEqual(['high', 'medium', '']);
    const withFindings = { ...summary, findings };
    expect(facetsFor(withFindings).map((f) => f.id)).toContain('finding');
    const d = exploreData(withFindings, fakeGuide);
    const f = d.facets.findIndex((x) => x.id === 'finding');
    expect(d.facets[f].labels.map((i) => d.strings[i])).toContain('(no finding)');
    expect(d.strings[d.facets[f].values[d.groups[0][17][f][0]]]).toBe(severity(summary.groups[0]));
  });

  it('with --policies, filters by cause kind and states each distinct cause of a group', () => {
    const statement = { layer: 'service-control-policy', policy: 'p-1', attachedTo: 'OU ou-1', sid: 'DenyEU', index: 2 } as Cause['statement'];
    const cause = {
      kind: 'explicit-deny',
      summary: 'Statement `DenyEU` of SCP p-1 denies it.',
      guidance: 'Narrow it.',
      statement,
      lacking: [],
      unknown: [],
    } as unknown as Cause;
    const g = group({
      cause: { requests: 1, kinds: [{ key: 'explicit-deny', count: summary.groups[0].count }], causes: [{ count: 3, requests: 1, resources: [], cause }] },
    });
    const s = { ...summary, groups: [g, summary.groups[1]], policies: { inputs: [], engine: 'e', simulations: 1, maxSimulations: 10, overCap: 0, issues: [] } };
    const d = exploreData(s, fakeGuide);
    const f = d.facets.findIndex((x) => x.id === 'cause');
    expect(d.facets[f].labels.map((i) => d.strings[i])).toEqual(['Explicit deny', '(no policy decision)']);
    expect(d.groups[0][20].map((i) => d.strings[i]).slice(0, 2)).toEqual([
      'Cause',
      'Explicit deny (3): statement DenyEU (index 2) of p-1, attached to OU ou-1',
    ]);
    expect(d.groups[1][20]).toEqual([]);
  });

  it('carries each group’s timeline over the report’s days, and says when a summary has none', () => {
    expect(data.timelines).toBe(false); // the realistic fixture predates group timelines
    const withDays = summary.groups.map((g, i) => ({
      ...g,
      timeline: [{ key: '2026-11-16', count: g.count - (i % 2) }, ...(i % 2 ? [{ key: 'unknown', count: 1 }] : [])],
    }));
    const d = exploreData({ ...summary, groups: withDays, timeline: [{ key: '2026-11-15', count: 3 }] }, fakeGuide);
    expect(d.timelines).toBe(true);
    expect(d.days).toEqual(['2026-11-15', '2026-11-16', 'unknown']);
    expect(d.all).toEqual([0, 3]);
    expect(d.groups[1][21]).toEqual([1, withDays[1].count - 1, 2, 1]);
  });
});

describe('scriptJson', () => {
  const hostile = ['</script><script>alert(1)</script>', '<!--', '<script', '&amp; & &#x3c;', '\u2028\u2029', '\u202e', 'a\u0000b'];

  it('writes no character that could end or change its <script> element, and reads back the same', () => {
    const text = scriptJson({ hostile, nested: { [hostile[0]]: hostile } });
    expect(text).not.toMatch(/[<>&\u2028\u2029\u202e\u0000]/);
    expect(JSON.parse(text)).toEqual({ hostile, nested: { [hostile[0]]: hostile } });
  });

  it('escapes the hostile summary fixture the same way', () => {
    const text = scriptJson(exploreData(loadSummary('hostile'), fakeGuide));
    expect(text).not.toMatch(/[<>&]/);
    expect((JSON.parse(text) as CtdPageData).strings.join('\n')).toContain('<script>alert(1)</script>');
  });
});
