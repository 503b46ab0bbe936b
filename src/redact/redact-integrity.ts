// The Integrity section (report --verify): trail keys, paths and details name accounts, and go through
// the same free-text redaction as the rest of the summary.
import type { IntegrityFinding, IntegritySummary } from '../types.js';
import type { TextRedactor } from './redact-text.js';

export function redactIntegrity(s: IntegritySummary, text: TextRedactor): IntegritySummary {
  const finding = (f: IntegrityFinding): IntegrityFinding => ({
    ...f,
    trail: text(f.trail),
    file: text(f.file),
    digest: f.digest === null ? null : text(f.digest),
    detail: text(f.detail),
  });
  return {
    ...s,
    trails: s.trails.map((t) => ({ ...t, key: text(t.key), account: text(t.account) })),
    failures: s.failures.map(finding),
    notices: s.notices.map(finding),
    coverage: { ...s.coverage, unverified: s.coverage.unverified.map((u) => ({ ...u, path: text(u.path) })) },
  };
}
