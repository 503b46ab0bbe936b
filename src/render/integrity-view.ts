// Summary.integrity → what the Integrity section of the HTML and Markdown reports shows. The strings
// (paths, trail names) came from the input: the caller has already passed them through displayStrings.
import type { IntegrityCounts, IntegrityFinding, IntegrityFindingKind, IntegritySummary } from '../types.js';
import { cut, type CutList } from './cut-list.js';

export interface IntegrityRowView extends IntegrityCounts {
  account: string;
  region: string;
  trail: string; // '(no digest)' for log files no digest covers
  firstDigestEnd: string;
  lastDigestEnd: string;
  failed: boolean;
}

export interface IntegrityFindingView {
  kind: string;
  label: string;
  trail: string;
  file: string;
  digest: string | null;
  detail: string;
}

export interface IntegrityView {
  ok: boolean;
  signaturesChecked: boolean;
  inputs: string; // one line: which signature inputs were given
  digestsPruned: number;
  rows: IntegrityRowView[];
  totals: IntegrityRowView | null; // null with a single row
  failures: CutList<IntegrityFindingView>;
  notices: CutList<IntegrityFindingView>;
}

const LABELS: Record<IntegrityFindingKind, string> = {
  'log-missing': 'log file missing',
  'log-modified': 'log file modified',
  'log-unreadable': 'log file unreadable',
  'log-unlisted': 'log file in no digest',
  'digest-unreadable': 'digest unreadable',
  'digest-moved': 'digest moved',
  'digest-missing': 'digest missing',
  'digest-modified': 'digest modified',
  'digest-unchained': 'digest outside the chain',
  'signature-invalid': 'signature invalid',
  'signature-no-key': 'no public key',
  'unsupported-algorithm': 'unsupported algorithm',
  'chain-restart': 'chain restart',
  'log-uncovered': 'log file not covered by digests',
  'signature-unchecked': 'signature unchecked',
};

const failing = (c: IntegrityCounts): boolean =>
  c.logsMissing + c.logsModified + c.logsUnlisted + c.chainBreaks + c.signaturesInvalid > 0;

function finding(f: IntegrityFinding): IntegrityFindingView {
  return { kind: f.kind, label: LABELS[f.kind], trail: f.trail, file: f.file, digest: f.digest, detail: f.detail };
}

export function integrityView(s: IntegritySummary | null | undefined, top: number): IntegrityView | null {
  if (!s) return null;
  const rows = s.trails.map((t) => ({
    ...t,
    trail: t.trail ?? '(no digest)',
    firstDigestEnd: t.firstDigestEnd ?? '',
    lastDigestEnd: t.lastDigestEnd ?? '',
    failed: failing(t),
  }));
  const totals = rows.length > 1 ? { ...s.totals, account: 'total', region: '', trail: '', firstDigestEnd: '', lastDigestEnd: '', failed: !s.ok } : null;
  const inputs =
    s.publicKeys === null
      ? 'No public keys given (--public-keys): hashes and the chain were checked, signatures were not.'
      : `Public keys: ${s.publicKeys}; signatures file: ${s.signatures === null ? 'none (the newest digest of each chain stays unchecked)' : `${s.signatures} entries`}.`;
  return {
    ok: s.ok,
    signaturesChecked: s.publicKeys !== null,
    inputs,
    digestsPruned: s.digestsPruned,
    rows,
    totals,
    failures: cut(s.failures.map(finding), top),
    notices: cut(s.notices.map(finding), top),
  };
}
