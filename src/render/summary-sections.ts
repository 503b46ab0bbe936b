// The order summary.json writes the Summary's optional sections in (field-order.ts): changes since a
// baseline, suppression rules, redaction, integrity. A summary written by an older version lacks the
// first three; they come out as null, so re-rendering it still works.
import type {
  Changes,
  Counted,
  GroupChange,
  IntegrityCounts,
  IntegrityCoverage,
  IntegrityFinding,
  IntegritySummary,
  IntegrityTrail,
  Summary,
  SuppressionReport,
  SuppressionRuleReport,
} from '../types.js';
import { copy, list, orNull, record } from './field-order.js';

export const COUNTED = list(record<Counted>({ key: copy, count: copy }));

const GROUP_CHANGE = list(record<GroupChange>({ key: copy, principal: copy, action: copy, policyType: copy, denyKind: copy, before: copy, after: copy }));

export const CHANGES = orNull(
  record<Changes>({
    baseline: record<Changes['baseline']>({ title: copy, label: copy, since: copy, until: copy, denials: copy }),
    threshold: record<Changes['threshold']>({ percent: copy, minimum: copy }),
    denials: record<Changes['denials']>({ before: copy, after: copy }),
    newGroups: GROUP_CHANGE,
    goneGroups: GROUP_CHANGE,
    rose: GROUP_CHANGE,
    fell: GROUP_CHANGE,
    unchanged: copy,
  }),
);

export const SUPPRESSION = orNull(
  record<SuppressionReport>({
    source: copy,
    asOf: copy,
    rules: list(
      record<SuppressionRuleReport>({
        number: copy,
        match: record<SuppressionRuleReport['match']>({ principal: copy, action: copy, errorCode: copy, policyType: copy, account: copy, region: copy }),
        reason: copy,
        expires: copy,
        status: copy,
        count: copy,
        principals: COUNTED,
        actions: COUNTED,
      }),
    ),
  }),
);

export const REDACTION = orNull(record<NonNullable<Summary['redaction']>>({ keyId: copy }));

const COUNTS = {
  digests: copy,
  logsListed: copy,
  logsValid: copy,
  logsMissing: copy,
  logsModified: copy,
  logsOutsideWindow: copy,
  logsUnlisted: copy,
  logsUncovered: copy,
  chainBreaks: copy,
  chainRestarts: copy,
  signaturesValid: copy,
  signaturesInvalid: copy,
  signaturesUnchecked: copy,
};

const FINDINGS = list(record<IntegrityFinding>({ kind: copy, trail: copy, file: copy, digest: copy, detail: copy }));

export const INTEGRITY = record<IntegritySummary>({
  status: copy,
  ok: copy,
  partialReasons: copy,
  publicKeys: copy,
  signatures: copy,
  digestsPruned: copy,
  coverage: record<IntegrityCoverage>({
    logFiles: copy,
    verified: copy,
    signatureUnchecked: copy,
    uncovered: copy,
    outsideLayout: copy,
    failed: copy,
    notExamined: copy,
    unverified: list(record<IntegrityCoverage['unverified'][number]>({ path: copy, class: copy })),
  }),
  totals: record<IntegrityCounts>(COUNTS),
  trails: list(
    record<IntegrityTrail>({ key: copy, account: copy, region: copy, trail: copy, homeRegion: copy, firstDigestEnd: copy, lastDigestEnd: copy, ...COUNTS }),
  ),
  failures: FINDINGS,
  notices: FINDINGS,
});
