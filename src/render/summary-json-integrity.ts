// Summary.integrity for summary.json, rebuilt field by field in the order types.ts declares (as the
// rest of canonicalSummary is), so the bytes do not depend on how the object was assembled.
import type { IntegrityCounts, IntegrityCoverage, IntegrityFinding, IntegritySummary, IntegrityTrail } from '../types.js';

function counts(c: IntegrityCounts): IntegrityCounts {
  return {
    digests: c.digests,
    logsListed: c.logsListed,
    logsValid: c.logsValid,
    logsMissing: c.logsMissing,
    logsModified: c.logsModified,
    logsOutsideWindow: c.logsOutsideWindow,
    logsUnlisted: c.logsUnlisted,
    logsUncovered: c.logsUncovered,
    chainBreaks: c.chainBreaks,
    chainRestarts: c.chainRestarts,
    signaturesValid: c.signaturesValid,
    signaturesInvalid: c.signaturesInvalid,
    signaturesUnchecked: c.signaturesUnchecked,
  };
}

const trail = (t: IntegrityTrail): IntegrityTrail => ({
  key: t.key,
  account: t.account,
  region: t.region,
  trail: t.trail,
  homeRegion: t.homeRegion,
  firstDigestEnd: t.firstDigestEnd,
  lastDigestEnd: t.lastDigestEnd,
  ...counts(t),
});

const finding = (f: IntegrityFinding): IntegrityFinding => ({ kind: f.kind, trail: f.trail, file: f.file, digest: f.digest, detail: f.detail });

const coverage = (c: IntegrityCoverage): IntegrityCoverage => ({
  logFiles: c.logFiles,
  verified: c.verified,
  signatureUnchecked: c.signatureUnchecked,
  uncovered: c.uncovered,
  outsideLayout: c.outsideLayout,
  failed: c.failed,
  notExamined: c.notExamined,
  unverified: c.unverified.map((u) => ({ path: u.path, class: u.class })),
});

export function canonicalIntegrity(s: IntegritySummary): IntegritySummary {
  return {
    status: s.status,
    ok: s.ok,
    partialReasons: [...s.partialReasons],
    publicKeys: s.publicKeys,
    signatures: s.signatures,
    digestsPruned: s.digestsPruned,
    coverage: coverage(s.coverage),
    totals: counts(s.totals),
    trails: s.trails.map(trail),
    failures: s.failures.map(finding),
    notices: s.notices.map(finding),
  };
}
