// The demo archive tells an intrusion story beside its everyday noise (src/samples/scenarios-intrusion.ts):
// the committed reports show exactly the story's findings, none for the noise, the same at any concurrency.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Summary } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const committed = JSON.parse(readFileSync(join(ROOT, 'reports/samples/summary.json'), 'utf8')) as Summary;
const STOLEN = 'arn:aws:iam::111122223333:user/deploy-bot';

describe('findings over samples/', () => {
  const findings = committed.findings!;

  it('are exactly the intrusion story: the stolen key, the password spray, the root sign-in, the outside account', () => {
    expect(findings.map((f) => [f.severity, f.rule, f.subject, f.technique.id, f.count])).toEqual([
      // act 1, 2026-11-19 10:42-11:01: the stolen key tries to turn off logging, create a key and a user, open a bucket
      ['high', 'sensitive-action', STOLEN, 'T1562.008', 1],
      ['high', 'sensitive-action', STOLEN, 'T1098.001', 1],
      ['high', 'sensitive-action', STOLEN, 'T1136.003', 1],
      ['high', 'sensitive-action', STOLEN, 'T1537', 1],
      // act 2, 2026-11-20 02:11-02:24: the spray tried the root user too
      ['high', 'root-activity', 'arn:aws:iam::111122223333:root', 'T1078.004', 1],
      // act 3, all week: an account outside the organization keeps trying the release artifacts
      ['medium', 'outside-principal', '210987654321', 'T1199', 5],
      // act 1: the enumeration, and the reach for passwords and secrets
      ['medium', 'enumeration-burst', STOLEN, 'T1526', 28],
      ['medium', 'sensitive-action', STOLEN, 'T1552', 2],
      ['medium', 'sensitive-action', STOLEN, 'T1555.006', 1],
      // act 2
      ['medium', 'console-password-spray', '198.19.7.200', 'T1110.003', 10],
    ]);
  });

  it("come from the story's actors only: nothing for the noise", () => {
    const story = new Set([STOLEN, 'arn:aws:iam::111122223333:root', 'aws-account:210987654321']);
    const sprayed = (f: Finding) => f.rule === 'console-password-spray' && f.evidence.sourceIps.every((c) => c.key === '198.19.7.200');
    for (const f of findings) {
      if (sprayed(f)) continue;
      for (const p of f.evidence.principals) expect(story.has(p.key), `${f.title}: ${p.key}`).toBe(true);
    }
    expect(findings.filter((f) => f.subject === STOLEN).every((f) => f.evidence.sourceIps.every((c) => c.key === '198.18.44.7'))).toBe(true);
    // the enumeration is the 19-minute incident's first 15 minutes; the sensitive attempts close it
    const burst = findings.find((f) => f.rule === 'enumeration-burst')!;
    expect([burst.firstSeen, burst.lastSeen]).toEqual(['2026-11-19T10:42:15Z', '2026-11-19T10:56:20Z']);
    expect(
      findings
        .filter((f) => f.subject === STOLEN)
        .map((f) => f.lastSeen)
        .sort()
        .at(-1),
    ).toBe('2026-11-19T11:01:52Z');
  });

  it("say how they were made: every rule on, no suppression, nothing dropped or unplaced, the archive's two accounts, the exported organization's three", () => {
    const r = committed.findingsReport!;
    expect(r.rules.every((x) => x.enabled)).toBe(true);
    expect(r).toMatchObject({
      suppressed: [],
      suppressionNotes: [],
      omitted: [],
      activityCut: null,
      unplaced: 0,
      baseline: null,
      archiveAccounts: ['111122223333', '444455556666'],
      organizationAccounts: 3,
    }); // npm start passes --policies samples/policies
    expect(committed.timelineBuckets!.minutes).toBe(360); // a week: 6-hour buckets
  });

  it('are byte-identical at --concurrency 1, 2 and 3', () => {
    const texts = ['1', '2', '3'].map((c) => {
      const out = mkdtempSync(join(tmpdir(), 'ctd-i17-samples-'));
      expect(
        runCli(['report', 'samples', '--policies', 'samples/policies', '--out', out, '--quiet', '--format', 'json,findings', '--concurrency', c]).code,
      ).toBe(0);
      return readFileSync(join(out, 'findings.jsonl'), 'utf8') + readFileSync(join(out, 'summary.json'), 'utf8');
    });
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    expect(texts[0].startsWith(readFileSync(join(ROOT, 'reports/samples/findings.jsonl'), 'utf8'))).toBe(true);
  });
});
