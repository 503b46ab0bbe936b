// The findings stage as a whole: the rule table's defaults and their sources, thresholds and rules the
// rules file changes, suppression (of denials, and of findings by id or by rule and subject), the
// order findings come in, the cap per rule, and the organization seam of the outsider rule.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/aggregate/activity.js';
import { NO_FILTER, compileSuppression } from '../../src/aggregate/index.js';
import { analyze } from '../../src/analyze.js';
import { DEFAULT_FINDINGS, RULES, SOURCES, TECHNIQUES, findFindings, outsideAccount, type FindingsConfig } from '../../src/findings/index.js';
import { compareFindings, findingId } from '../../src/findings/finding-parts.js';
import { MAX_PER_RULE, type Rule } from '../../src/findings/rules.js';
import type { Group } from '../../src/types.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/findings');
const fixture = (name: string) => join(FIXTURES, `${name}.jsonl`);
const config = (over: Partial<FindingsConfig>): FindingsConfig => ({ ...DEFAULT_FINDINGS, source: 'rules.jsonc', asOf: '2026-11-30', ...over });
const run = (name: string, over: Parameters<typeof analyze>[0] extends infer O ? Partial<O> : never = {}) =>
  analyze({ paths: [fixture(name)], filter: NO_FILTER, concurrency: 1, ...over });

describe('the rule table', () => {
  it('cites a published source for every default threshold, names real techniques, and says what to do next', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES as readonly Rule[]) {
      for (const t of Object.values(r.thresholds)) expect(SOURCES[t.source], `${r.id}`).toBeDefined();
      for (const s of r.sources) expect(SOURCES[s], r.id).toBeDefined();
      if (r.technique !== null) expect(TECHNIQUES[r.technique], r.id).toBeDefined();
      expect(r.next.length, r.id).toBeGreaterThan(0);
    }
    // the published numbers the defaults come from
    const burst = RULES.find((r) => r.id === 'enumeration-burst')!.thresholds;
    expect([burst.denials.value, burst.minutes.value]).toEqual([15, 10]); // Panther AWS.IAMUser.ReconAccessDenied
    expect(SOURCES[burst.denials.source]).toMatch(/Threshold 15, DedupPeriodMinutes 10/);
    const spray = RULES.find((r) => r.id === 'console-password-spray')!.thresholds;
    expect([spray.users.value, spray.minutes.value]).toEqual([6, 60]); // Panther AWS.CloudTrail.PasswordSpraying
  });
});

describe('the rules file', () => {
  it('changes a threshold: a stricter one silences the burst, a looser one finds it', async () => {
    const strict = await run('enumeration-burst.fires', { findings: { config: config({ rules: { 'enumeration-burst': { thresholds: { denials: 25 } } } }) } });
    expect(strict.findings).toEqual([]);
    expect(strict.findingsReport!.rules.find((r) => r.id === 'enumeration-burst')!.thresholds).toEqual({ denials: 25, actions: 10, minutes: 10 });
    const loose = await run('enumeration-burst-ip.quiet', {
      findings: { config: config({ rules: { 'enumeration-burst-ip': { thresholds: { actions: 3 } } } }) },
    });
    expect(loose.findings!.map((f) => f.rule)).toEqual(['enumeration-burst-ip']);
  });

  it('turns a rule off, and the report says so', async () => {
    const s = await run('root-activity.fires', { findings: { config: config({ rules: { 'root-activity': { enabled: false } } }) } });
    expect(s.findings).toEqual([]);
    expect(s.findingsReport!.rules.find((r) => r.id === 'root-activity')).toMatchObject({ enabled: false, findings: 0 });
  });

  it('suppresses a finding by id, or by rule and subject (a glob); lists what it suppressed and the entries that did nothing', async () => {
    const plain = await run('sensitive-action.fires');
    const [first, second] = plain.findings!;
    const s = await run('sensitive-action.fires', {
      findings: {
        config: config({
          suppress: [
            { number: 1, id: first.id, rule: null, subject: null, reason: 'change ticket CHG-1', expires: null },
            { number: 2, id: null, rule: 'sensitive-action', subject: '*:role/admin', reason: 'the admins leave orgs on purpose', expires: '2027-01-01' },
            { number: 3, id: 'f-000000000000', rule: null, subject: null, reason: 'an old one', expires: null },
            { number: 4, id: second.id, rule: null, subject: null, reason: 'expired', expires: '2026-01-01' },
          ],
        }),
      },
    });
    expect(s.findings!.map((f) => f.id)).not.toContain(first.id);
    expect(s.findings!.map((f) => f.id)).toContain(second.id); // entry 4 expired: it suppresses nothing
    expect(s.findings!.some((f) => f.subject.endsWith(':role/admin'))).toBe(false);
    expect(s.findings!.length).toBe(plain.findings!.length - 2);
    expect(s.findingsReport!.suppressed.map((x) => [x.entry, x.reason]).sort()).toEqual([
      [1, 'change ticket CHG-1'],
      [2, 'the admins leave orgs on purpose'],
    ]);
    expect(s.findingsReport!.suppressionNotes).toEqual([
      { entry: 3, status: 'stale' },
      { entry: 4, status: 'expired' },
    ]);
    expect(s.findingsReport!.rules.find((r) => r.id === 'sensitive-action')!.findings).toBe(s.findings!.length);
  });

  it('a suppressed denial raises nothing: a suppression rule on the probing principal silences its burst', async () => {
    const suppression = compileSuppression({
      source: 'r',
      asOf: '2026-11-30',
      rules: [{ match: { principal: '*:user/leaked' }, reason: 'pentest', expires: null }],
    });
    const s = await analyze({ paths: [fixture('enumeration-burst.fires')], filter: NO_FILTER, concurrency: 1, suppression: suppression.set });
    expect(s.totals.suppressed).toBe(20);
    expect(s.findings).toEqual([]);
  });

  it('known accounts are not outsiders', async () => {
    const s = await run('outside-principal.fires', { findings: { config: config({ knownAccounts: ['999988887777'] }) } });
    expect(s.findings).toEqual([]);
  });
});

describe('under --redact', () => {
  it('finds the same findings, with pseudonyms: unknown user names stay one name, so no brute force of "HIDDEN" appears', async () => {
    const { makeRedactor } = await import('../../src/redact/index.js');
    const plain = await run('console-brute-force.quiet');
    const redacted = await run('console-brute-force.quiet', { redactor: makeRedactor(new Uint8Array(32).fill(7)) });
    expect(plain.findings).toEqual([]);
    expect(redacted.findings).toEqual([]);
    const spray = await run('console-password-spray.fires', { redactor: makeRedactor(new Uint8Array(32).fill(7)) });
    expect(spray.findings!.map((f) => f.rule)).toEqual(['console-password-spray']);
    expect(spray.findings![0].subject).toMatch(/^ip-/);
  });
});

describe('the outsider rule and the organization', () => {
  it('outsideAccount: outside the archive and, when the organization is known, outside it too', () => {
    const archive = new Set(['111122223333']);
    const trusted = new Set<string>();
    expect(outsideAccount('999988887777', { archive, trusted, organization: null })).toBe(true);
    expect(outsideAccount('999988887777', { archive, trusted, organization: new Set(['999988887777']) })).toBe(false);
    expect(outsideAccount('111122223333', { archive, trusted, organization: null })).toBe(false);
    expect(outsideAccount(null, { archive, trusted, organization: null })).toBe(false);
    expect(outsideAccount('config.amazonaws.com', { archive, trusted, organization: null })).toBe(false);
  });

  it("with the organization's accounts (the seam --policies fills), a member account outside the archive is no outsider", async () => {
    const inOrg = await run('outside-principal.fires', { findings: { organizationAccounts: ['111122223333', '444455556666', '999988887777'] } });
    expect(inOrg.findings).toEqual([]);
    expect(inOrg.findingsReport!.organizationAccounts).toBe(3);
    const outOfOrg = await run('outside-principal.fires', { findings: { organizationAccounts: ['111122223333', '444455556666'] } });
    expect(outOfOrg.findings!.map((f) => f.title)).toEqual(['Account 999988887777, outside the organization, was refused 2 times (1 principal)']);
  });
});

describe('order, ids and caps', () => {
  it('orders by severity, then first seen, then id; ids depend on rule, subject and first time only', async () => {
    const s = await run('sensitive-action.fires');
    const list = s.findings!;
    expect([...list].sort(compareFindings)).toEqual(list);
    expect(list.map((f) => f.severity)).toEqual(['high', 'high', 'high', 'medium', 'medium', 'medium']);
    const f = list[0];
    expect(f.id).toBe(findingId('sensitive-action', `${f.subject} ${f.technique.id}`, f.firstSeen));
    expect(f.id).toMatch(/^f-[0-9a-f]{12}$/);
  });

  it(`keeps ${MAX_PER_RULE} findings per rule, those with the most denials, and counts the rest`, () => {
    const groups: Group[] = Array.from({ length: MAX_PER_RULE + 7 }, (_, i) => ({
      key: `k${i}`,
      principal: `arn:aws:iam::111122223333:user/u${i}`,
      principalType: 'IAMUser',
      action: 'iam:CreateUser',
      policyType: 'identity-based',
      denyKind: 'implicit',
      count: i + 1,
      firstSeen: `2026-11-19T10:${String(i % 60).padStart(2, '0')}:00Z`,
      lastSeen: '2026-11-19T11:00:00Z',
      categories: [],
      errorCodes: [],
      accounts: [],
      regions: [],
      resources: [],
      sourceIps: [],
      userAgents: [],
      sessionNames: [],
      policyArns: [],
      hints: [],
      sampleEventIds: [],
    }));
    const { findings, report } = findFindings({
      groups,
      activity: new Activity(),
      archiveAccounts: ['111122223333'],
      organizationAccounts: null,
      baseline: null,
      config: DEFAULT_FINDINGS,
    });
    expect(findings).toHaveLength(MAX_PER_RULE);
    expect(Math.min(...findings.map((f) => f.count))).toBe(8);
    expect(report.omitted).toEqual([{ key: 'sensitive-action', count: 7 }]);
  });
});
