// Attack: every denial from a principal never seen before (web-identity subjects, federated user
// names: text the caller chooses). One group per principal held a million groups (4.35 GB, then V8's
// out-of-memory abort). Groups are bounded like lists are: past the limit the rarest are folded into
// one row per action, policy type and deny kind, and every total and breakdown but by-principal
// stays exact. The limit is a parameter here (`groupCap`), so the attack runs in a second.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Folder, NO_FILTER, mergeStates, toSummary } from '../../src/aggregate/index.js';
import type { Counted, Denial, FileScan, Summary } from '../../src/types.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { denial } from '../helpers/denial.js';
import { fakeGuide, loadTemplates } from '../render/helpers.js';
import { runCli } from '../helpers/run-cli.js';

const CAP = 40;
const meta = { title: 't', version: '0.0.0', filter: NO_FILTER };
const ACTIONS = ['sts:AssumeRoleWithWebIdentity', 's3:GetObject', 'kms:Decrypt', 'dynamodb:Query', 's3:PutObject'];
const ROLES = ['arn:aws:iam::111122223333:role/ci', 'arn:aws:iam::111122223333:role/app', 'arn:aws:iam::444455556666:role/etl'];

/** A swarm of one-off principals (with a few that come back), and three roles refused steadily throughout. */
function attack(n: number): Denial[] {
  const out: Denial[] = [];
  for (let i = 0; i < n; i++) {
    const steady = i % 5 === 0;
    const comesBack = i % 7 === 3; // a swarm member seen again, long after it was first folded
    const principal = steady ? ROLES[i % 3] : comesBack ? `accounts.google.com:sub-${i % 70}` : `accounts.google.com:sub-${i}`;
    out.push(
      denial({
        eventId: `e-${i}`,
        eventTime: `2026-11-${String(16 + (i % 5)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
        principal,
        principalType: steady ? 'AssumedRole' : 'WebIdentityUser',
        action: ACTIONS[(i * 7) % ACTIONS.length],
        policyType: steady ? 'identity-based' : i % 3 === 0 ? 'role-trust-policy' : 'unspecified',
        denyKind: i % 4 === 0 ? 'explicit' : 'implicit',
        category: i % 11 === 0 ? 'authentication' : 'authorization',
        errorCode: i % 11 === 0 ? 'InvalidIdentityToken' : i % 2 === 0 ? 'AccessDenied' : 'AccessDeniedException',
        account: i % 3 === 0 ? '444455556666' : '111122223333',
        region: ['us-east-1', 'eu-west-1', 'us-west-2'][i % 3],
        hints: steady ? [] : i % 2 === 0 ? ['federated'] : ['federated', 'cross-account'],
        sourceIp: `10.0.${(i >> 8) & 255}.${i & 255}`,
        userAgent: `bot/${i}`,
        resource: `arn:aws:s3:::b/k${i}`,
        sessionName: null,
      }),
    );
  }
  return out;
}

const scan = (path: string, ds: Denial[]): FileScan => ({
  path,
  bytes: 0,
  records: ds.length,
  noError: 0,
  damagedRecords: 0,
  recordIssues: [],
  entries: ds.map((d) => ({ kind: 'denial' as const, denial: d })),
  error: null,
});

function count(ds: Denial[], key: (d: Denial) => string | string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) for (const k of [key(d)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
const asMap = (list: Counted[]) => new Map(list.map((c) => [c.key, c.count]));

/** Folds the denials in files of `perFile`, checking after each file that the groups held stay bounded. */
function fold(ds: Denial[], perFile: number, cap = CAP): { summary: Summary; mostHeld: number } {
  const f = new Folder(NO_FILTER, () => {}, { groupCap: cap });
  let mostHeld = 0;
  for (let i = 0; i < ds.length; i += perFile) {
    f.add(scan(`f${String(i).padStart(8, '0')}`, ds.slice(i, i + perFile)));
    mostHeld = Math.max(mostHeld, f.state.groups.size);
  }
  return { summary: toSummary(f.state, meta), mostHeld };
}

describe('one group per principal', () => {
  const denials = attack(6000);
  const { summary: s, mostHeld } = fold(denials, 97);

  it('attack: 6,000 denials from ~4,800 principals hold at most 2 × the cap of groups, and the summary lists a bounded number', () => {
    expect(new Set(denials.map((d) => d.principal)).size).toBeGreaterThan(4000);
    expect(mostHeld).toBeLessThanOrEqual(2 * CAP);
    // The groups kept, plus one folded row per (action, policy type, deny kind) at most.
    expect(s.groups.length).toBeLessThanOrEqual(2 * CAP + ACTIONS.length * 3 * 2);
    expect(s.groupFold).toEqual({ kept: expect.any(Number), folded: expect.any(Number), maxError: expect.any(Number) });
    expect(s.groupFold!.folded).toBeGreaterThan(4000);
  });

  it('attack: totals and every breakdown but by-principal are exact (brute-force count)', () => {
    expect(s.totals.denials).toBe(denials.length);
    expect(s.groups.reduce((n, g) => n + g.count, 0)).toBe(denials.length);
    const service = (a: string) => a.slice(0, a.indexOf(':'));
    const exact: [keyof Summary, (d: Denial) => string | string[]][] = [
      ['byPolicyType', (d) => d.policyType],
      ['byDenyKind', (d) => d.denyKind],
      ['byCategory', (d) => d.category],
      ['byErrorCode', (d) => d.errorCode],
      ['byAction', (d) => d.action],
      ['byService', (d) => service(d.action)],
      ['byAccount', (d) => d.account],
      ['byRegion', (d) => d.region],
      ['byHint', (d) => d.hints],
      ['timeline', (d) => d.eventTime.slice(0, 10)],
    ];
    for (const [field, key] of exact) expect(asMap(s[field] as Counted[]), field).toEqual(count(denials, key));
    expect(s.window.firstDenial).toBe([...denials].map((d) => d.eventTime).sort()[0]);
    expect(s.window.lastDenial).toBe(
      [...denials]
        .map((d) => d.eventTime)
        .sort()
        .at(-1),
    );
    // Each folded row's own breakdowns are exact too: they add up to the brute-force count of what it holds.
    const folded = s.groups.filter((g) => g.folded !== undefined);
    expect(folded.length).toBeGreaterThan(0);
    for (const g of folded) {
      expect(g.principal).toBe('(other principals)');
      for (const list of [g.accounts, g.regions, g.errorCodes, g.categories]) expect(list.reduce((n, c) => n + c.count, 0)).toBe(g.count);
    }
  });

  it('attack: by-principal is a cut list whose counts are upper bounds within maxError; the steady roles are exact groups', () => {
    const truth = count(denials, (d) => d.principal);
    const cut = s.cuts?.find((c) => c.list === 'byPrincipal');
    expect(cut).toBeDefined();
    expect(s.byPrincipal.length).toBe(cut!.kept);
    const listed = asMap(s.byPrincipal);
    for (const [p, n] of listed) {
      expect(n).toBeGreaterThanOrEqual(truth.get(p)!);
      expect(n - truth.get(p)!).toBeLessThanOrEqual(cut!.maxError);
    }
    for (const [p, n] of truth) if (!listed.has(p)) expect(n).toBeLessThanOrEqual(cut!.maxError);
    // The roles refused all along are far above any folded count: listed as themselves, counts within the stated bound.
    for (const role of ROLES) {
      const rows = s.groups.filter((g) => g.principal === role);
      expect(rows.length).toBeGreaterThan(0);
      const inRows = rows.reduce((n, g) => n + g.count, 0);
      expect(inRows).toBeLessThanOrEqual(truth.get(role)!);
      expect(truth.get(role)! - inRows).toBeLessThanOrEqual(s.groupFold!.maxError * rows.length);
    }
  });

  it('attack: the fold runs in path order, so the summary is the same however the files were cut', () => {
    // Denials are folded one by one in file order: where the files begin and end changes nothing
    // (but the count of files read).
    const same = (x: Summary) => JSON.stringify({ ...x, files: null });
    expect(same(fold(denials, 1000).summary)).toBe(same(s));
    expect(same(fold(denials, 1).summary)).toBe(same(s));
  });

  it('attack: merged states stay bounded and exact in their totals', () => {
    const a = new Folder(NO_FILTER, () => {}, { groupCap: CAP });
    const b = new Folder(NO_FILTER, () => {}, { groupCap: CAP });
    a.add(scan('a', denials.slice(0, 3000)));
    b.add(scan('b', denials.slice(3000)));
    const merged = mergeStates(a.state, b.state);
    expect(merged.groups.size).toBeLessThanOrEqual(2 * CAP);
    const m = toSummary(merged, meta);
    expect(m.totals.denials).toBe(denials.length);
    expect(m.groups.reduce((n, g) => n + g.count, 0)).toBe(denials.length);
    expect(asMap(m.byAction)).toEqual(count(denials, (d) => d.action));
  });

  it('attack: the reports say that groups were folded, and what that means for the counts', () => {
    const r = makeReportRenderers(fakeGuide);
    const templates = loadTemplates();
    const md = r.renderMarkdown(s, { top: 200, templates });
    const html = r.renderHtml(s, { top: 200, templates });
    for (const text of [md, html]) {
      expect(text).toContain(`the ${s.groupFold!.kept} largest are listed as themselves`);
      expect(text).toMatch(/\(other principals: up to [\d,]+\)/);
      expect(text).toContain('only the 1,000 most frequent are listed');
    }
    expect(md).toContain('| 1,000+ | 5 |'); // principals: more than listed; actions: exact
    expect(md).toMatch(/\n\| accounts\.google\.com:sub-\d+ \| ≤\d+ \| /); // by-principal's counts are upper bounds
    expect(md).toMatch(/\n\| s3:GetObject \| [\d,]+ \| /); // by-action's are exact
    expect(html).toContain('<div class="n">1,000+</div><div class="l">Principals</div>');
  });

  it('a trail within the cap folds nothing: no groupFold, no cuts, every principal exact', () => {
    const few = attack(6000).filter((d) => ROLES.includes(d.principal));
    const { summary } = fold(few, 97);
    expect('groupFold' in summary).toBe(false);
    expect('cuts' in summary).toBe(false);
    expect(asMap(summary.byPrincipal)).toEqual(count(few, (d) => d.principal));
    expect(summary.groups.every((g) => g.folded === undefined)).toBe(true);
  });
});

describe('one group per principal, through the command line', () => {
  it('attack: 100,000 denials, each from a new web-identity subject, fit in a 160 MB heap with the default cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-principals-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let f = 0; f < 20; f++) {
      const records = Array.from({ length: 5000 }, (_, k) => {
        const i = f * 5000 + k;
        return {
          eventVersion: '1.08',
          eventTime: '2026-11-20T10:00:00Z',
          eventSource: 'sts.amazonaws.com',
          eventName: 'AssumeRoleWithWebIdentity',
          awsRegion: 'us-east-1',
          sourceIPAddress: `10.1.${(i >> 8) & 255}.${i & 255}`,
          userAgent: 'aws-sdk-go/1.44.0',
          recipientAccountId: '111122223333',
          userIdentity: {
            type: 'WebIdentityUser',
            principalId: `accounts.google.com:app:${i}`,
            userName: `subject-${i}`,
            identityProvider: 'accounts.google.com',
          },
          eventID: `${String(f).padStart(8, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`,
          errorCode: 'AccessDenied',
          errorMessage: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        };
      });
      writeFileSync(join(input, `trail-${String(f).padStart(2, '0')}.json`), JSON.stringify({ Records: records }));
    }
    const out = join(dir, 'out');
    // Before groups were bounded this needed ~4 KB of heap per principal: V8's out-of-memory abort here.
    const r = runCli(['report', input, '--out', out, '--quiet', '--concurrency', '1', '--format', 'json,md'], { nodeArgs: ['--max-old-space-size=160'] });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.totals.denials).toBe(100_000);
    expect(summary.groupFold?.folded).toBeGreaterThanOrEqual(90_000);
    expect(summary.groups.length).toBeLessThan(100);
    rmSync(dir, { recursive: true, force: true }); // ~150 MB
  });
});
