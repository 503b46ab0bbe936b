// Every row of the sensitive-actions table runs: a refusal of its action (with its hint, when the row
// needs one) raises a sensitive-action finding with the row's technique and its family's severity;
// without the hint it raises nothing. Each row cites published detections and an ATT&CK technique.
import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/aggregate/activity.js';
import { Folder, NO_FILTER, toSummary } from '../../src/aggregate/index.js';
import { DEFAULT_FINDINGS, FAMILIES, SENSITIVE_ACTIONS, SOURCES, TECHNIQUES, findFindings } from '../../src/findings/index.js';
import { sensitiveRow } from '../../src/findings/sensitive-actions.js';
import type { Denial, Finding } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

function findingsOf(ds: Denial[]): Finding[] {
  const folder = new Folder(NO_FILTER);
  folder.add({
    path: 'f',
    bytes: 0,
    records: ds.length,
    noError: 0,
    damagedRecords: 0,
    recordIssues: [],
    entries: ds.map((d) => ({ kind: 'denial', denial: d })),
    error: null,
  });
  const s = toSummary(folder.state, { title: 't', version: 'v', filter: NO_FILTER });
  return findFindings({
    groups: s.groups,
    activity: new Activity(),
    archiveAccounts: ['111122223333'],
    organizationAccounts: null,
    baseline: null,
    config: DEFAULT_FINDINGS,
  }).findings;
}

describe('the sensitive-actions table', () => {
  it('has one row per action, each with a technique, a source and a reason', () => {
    expect(new Set(SENSITIVE_ACTIONS.map((r) => r.action.toLowerCase())).size).toBe(SENSITIVE_ACTIONS.length);
    for (const r of SENSITIVE_ACTIONS) {
      expect(TECHNIQUES[r.technique], r.action).toBeDefined();
      expect(SOURCES[r.source], r.action).toBeDefined();
      expect(r.reason.length, r.action).toBeGreaterThan(5);
      expect(r.action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/);
    }
  });

  for (const row of SENSITIVE_ACTIONS) {
    it(`${row.action}${row.hint ? ` with hint ${row.hint}` : ''}: ${row.family}, ${TECHNIQUES[row.technique].id}`, () => {
      const with_ = findingsOf([denial({ action: row.action, hints: row.hint ? [row.hint] : [] })]);
      expect(with_.map((f) => [f.rule, f.technique.id, f.severity])).toEqual([
        ['sensitive-action', TECHNIQUES[row.technique].id, FAMILIES[row.family].severity],
      ]);
      expect(with_[0].why).toContain(row.reason);
      expect(with_[0].next.at(-1)).toBe(FAMILIES[row.family].next);
      if (row.hint) expect(findingsOf([denial({ action: row.action, hints: [] })])).toEqual([]);
    });
  }

  it('matches actions without regard to case (a message writes the prefix as the service does: SNS:Publish)', () => {
    expect(sensitiveRow('CloudTrail:stoplogging', [])?.action).toBe('cloudtrail:StopLogging');
    expect(sensitiveRow('s3:GetObject', [])).toBeNull();
  });

  it("gathers one principal's attempts of one technique into one finding, and keeps techniques apart", () => {
    const who = { principal: 'arn:aws:iam::111122223333:user/x' };
    const found = findingsOf([
      denial({ ...who, action: 'ec2:GetPasswordData', eventId: 'a', eventTime: '2026-11-19T10:00:00Z' }),
      denial({ ...who, action: 'ec2:DescribeInstanceAttribute', hints: ['user-data'], eventId: 'b', eventTime: '2026-11-19T10:05:00Z' }),
      denial({ ...who, action: 'ec2:GetPasswordData', eventId: 'c', eventTime: '2026-11-19T10:07:00Z' }),
      denial({ ...who, action: 'secretsmanager:GetSecretValue', eventId: 'd', eventTime: '2026-11-19T10:09:00Z' }),
    ]);
    expect(found.map((f) => [f.technique.id, f.count, f.firstSeen, f.lastSeen])).toEqual([
      ['T1552', 3, '2026-11-19T10:00:00Z', '2026-11-19T10:07:00Z'],
      ['T1555.006', 1, '2026-11-19T10:09:00Z', '2026-11-19T10:09:00Z'],
    ]);
    expect(found[0].evidence.sampleEventIds.sort()).toEqual(['a', 'b', 'c']);
  });
});
