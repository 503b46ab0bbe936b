// Summary.integrity → what the Integrity section of the HTML and Markdown reports shows. The strings
// (paths, trail names) came from the input: the caller has already passed them through displayStrings.
import type { IntegrityCounts, IntegrityCoverage, IntegrityFinding, IntegrityFindingKind, IntegritySummary, LogCoverageClass } from '../types.js';
import { cut, type CutList } from './cut-list.js';
import { formatCount } from './format-count.js';
import { checkedText, coverageText, PARTIAL_REASON_TEXT, statusLabel } from './integrity-verdict.js';

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

export interface UnverifiedFileView {
  path: string;
  class: string;
  label: string;
}

export interface IntegrityView {
  ok: boolean;
  status: IntegritySummary['status'];
  statusLabel: string; // 'OK', 'PARTIAL', 'FAILED'
  coverageText: string; // 'verified 4 of 9 log files; 5 not covered by any digest'
  checked: string; // what was checked: 'hashes, chain and signatures checked', or what was left out
  partialNote: string; // '' unless partial: the reasons, and the option that accepts them
  signaturesChecked: boolean;
  inputs: string; // '' without keys, else one line counting the keys and signatures given
  digestsPruned: number;
  coverage: { label: string; count: number }[]; // every log file read, by class (the first row: all of them)
  rows: IntegrityRowView[];
  totals: IntegrityRowView | null; // null with a single row
  failures: CutList<IntegrityFindingView>;
  notices: CutList<IntegrityFindingView>;
  unverified: CutList<UnverifiedFileView>; // total: every log file read not verified (listed: the first 1,000 at most)
  unverifiedMore: string; // '' or the "… and N more" line for that list
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
  'digest-unsigned': 'digest unsigned',
  'unsupported-algorithm': 'unsupported algorithm',
  'chain-restart': 'chain restart',
  'log-uncovered': 'log file not covered by digests',
  'signature-unchecked': 'signature unchecked',
};

/** The coverage classes as the section's table shows them, in this order. */
const CLASSES: { class: LogCoverageClass; label: string; count: (c: IntegrityCoverage) => number }[] = [
  { class: 'verified', label: 'verified: hash matched, digest signature verified', count: (c) => c.verified },
  { class: 'signature-unchecked', label: 'hash matched, digest signature not checked', count: (c) => c.signatureUnchecked },
  { class: 'uncovered', label: 'not covered by any digest', count: (c) => c.uncovered },
  { class: 'outside-layout', label: 'outside the AWSLogs/ layout (no digest can name it)', count: (c) => c.outsideLayout },
  { class: 'failed', label: 'failed a check, or named only by digests that did (see the failures)', count: (c) => c.failed },
];
const CLASS_LABEL = Object.fromEntries(CLASSES.map((c) => [c.class, c.label])) as Record<LogCoverageClass, string>;

const capitalised = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

const failing = (c: IntegrityCounts): boolean => c.logsMissing + c.logsModified + c.logsUnlisted + c.chainBreaks + c.signaturesInvalid > 0;

function finding(f: IntegrityFinding): IntegrityFindingView {
  return { kind: f.kind, label: LABELS[f.kind], trail: f.trail, file: f.file, digest: f.digest, detail: f.detail };
}

function unverified(c: IntegrityCoverage, top: number): { list: CutList<UnverifiedFileView>; more: string } {
  const listed = cut(
    c.unverified.map((u) => ({ path: u.path, class: u.class, label: CLASS_LABEL[u.class] })),
    top,
  );
  const total = c.logFiles - c.verified;
  const list = { ...listed, total, more: total - listed.items.length, empty: total === 0 };
  const where = c.unverified.length < total ? `summary.json lists the first ${formatCount(c.unverified.length)}` : 'summary.json lists all';
  return { list, more: list.more > 0 ? `… and ${formatCount(list.more)} more (of ${formatCount(total)}; ${where})` : '' };
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
  const totals =
    rows.length > 1 ? { ...s.totals, account: 'total', region: '', trail: '', firstDigestEnd: '', lastDigestEnd: '', failed: s.status === 'failed' } : null;
  // `checked` already says what lack of keys or signatures left out; this line only counts what was given.
  const inputs =
    s.publicKeys === null
      ? ''
      : `Public keys: ${formatCount(s.publicKeys)}; signatures file: ${s.signatures === null ? 'none' : `${formatCount(s.signatures)} entries`}.`;
  const partialNote =
    s.status === 'partial'
      ? `Not every log file read is proven: ${s.partialReasons.map((r) => PARTIAL_REASON_TEXT[r]).join(', ')} (--allow-partial ${s.partialReasons.join(',')} accepts this; it stays PARTIAL).`
      : '';
  const { list, more } = unverified(s.coverage, top);
  return {
    ok: s.ok,
    status: s.status,
    statusLabel: statusLabel(s),
    coverageText: coverageText(s.coverage),
    checked: capitalised(checkedText(s)),
    partialNote,
    signaturesChecked: s.publicKeys !== null,
    inputs,
    digestsPruned: s.digestsPruned,
    coverage: [{ label: 'log files read', count: s.coverage.logFiles }, ...CLASSES.map((c) => ({ label: c.label, count: c.count(s.coverage) }))],
    rows,
    totals,
    failures: cut(s.failures.map(finding), top),
    notices: cut(s.notices.map(finding), top),
    unverified: list,
    unverifiedMore: more,
  };
}
