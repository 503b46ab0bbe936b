// `verify` on a terminal: one row per digest chain, then every failure and the notices, each naming
// the file and the digest. Paths come from the input and are cleaned of terminal controls.
import type { IntegrityCounts, IntegrityFinding, IntegritySummary } from '../types.js';
import { formatCount } from './format-count.js';
import { integrityVerdict } from './integrity-verdict.js';
import { sanitizeTerminal } from './sanitize-terminal.js';

const COLUMNS: { head: string; cell: (c: IntegrityCounts) => string }[] = [
  { head: 'digests', cell: (c) => formatCount(c.digests) },
  { head: 'logs valid', cell: (c) => `${formatCount(c.logsValid)}/${formatCount(c.logsListed)}` },
  { head: 'missing', cell: (c) => formatCount(c.logsMissing) },
  { head: 'modified', cell: (c) => formatCount(c.logsModified) },
  { head: 'unlisted', cell: (c) => formatCount(c.logsUnlisted) },
  { head: 'outside window', cell: (c) => formatCount(c.logsOutsideWindow) },
  { head: 'not covered', cell: (c) => formatCount(c.logsUncovered) },
  { head: 'chain breaks', cell: (c) => formatCount(c.chainBreaks) },
  { head: 'restarts', cell: (c) => formatCount(c.chainRestarts) },
  {
    head: 'signatures valid/invalid/unchecked',
    cell: (c) => `${formatCount(c.signaturesValid)}/${formatCount(c.signaturesInvalid)}/${formatCount(c.signaturesUnchecked)}`,
  },
];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function finding(f: IntegrityFinding): string {
  const by = f.digest === null ? '' : `\n      named by ${sanitizeTerminal(f.digest)}`;
  return `  ${f.kind}  ${sanitizeTerminal(f.file)}${by}\n      ${sanitizeTerminal(f.detail)}`;
}

function list(title: string, items: readonly IntegrityFinding[], top: number): string[] {
  if (items.length === 0) return [];
  const more = items.length > top ? [`  … and ${formatCount(items.length - top)} more (--json lists them all)`] : [];
  return ['', `${title} (${formatCount(items.length)}):`, ...items.slice(0, top).map(finding), ...more];
}

/** The log files read that were not verified, by path: every one the report's counts rest on. */
function unverified(s: IntegritySummary, top: number): string[] {
  const c = s.coverage;
  const total = c.logFiles - c.verified;
  if (total === 0) return [];
  const shown = c.unverified.slice(0, top).map((u) => `  ${u.class}  ${sanitizeTerminal(u.path)}`);
  const more =
    total > shown.length
      ? [
          `  … and ${formatCount(total - shown.length)} more (--json lists ${c.unverified.length < total ? `the first ${formatCount(c.unverified.length)}` : 'them all'})`,
        ]
      : [];
  return ['', `Log files not verified (${formatCount(total)} of ${formatCount(c.logFiles)}):`, ...shown, ...more];
}

export function renderIntegrityText(s: IntegritySummary, options: { top: number }): string {
  const lines: string[] = [];
  if (s.trails.length === 0) {
    lines.push('No digest files or trail log files in the input (digests are under AWSLogs/…/CloudTrail-Digest/).');
  } else {
    const head = ['account', 'region', 'trail', ...COLUMNS.map((c) => c.head)];
    const body = s.trails.map((t) => [
      sanitizeTerminal(t.account),
      sanitizeTerminal(t.region),
      sanitizeTerminal(t.trail ?? '(no digest)'),
      ...COLUMNS.map((c) => c.cell(t)),
    ]);
    const total = ['total', '', '', ...COLUMNS.map((c) => c.cell(s.totals))];
    lines.push(table([head, ...body, ...(s.trails.length > 1 ? [total] : [])]));
  }
  if (s.digestsPruned > 0) lines.push(`${formatCount(s.digestsPruned)} digest files outside --since/--until/--account/--region were not opened.`);
  if (s.coverage.notExamined > 0) {
    const n = s.coverage.notExamined;
    lines.push(
      `${formatCount(n)} ${n === 1 ? 'file' : 'files'} outside the AWSLogs/…/CloudTrail/ layout ${n === 1 ? 'was' : 'were'} not examined: ${n === 1 ? 'not a trail log file' : 'not trail log files'}.`,
    );
  }
  lines.push(...list('FAILURES', s.failures, options.top));
  lines.push(...list('Notices', s.notices, options.top));
  lines.push(...unverified(s, options.top));
  lines.push('');
  lines.push(`Integrity: ${integrityVerdict(s)}`);
  return lines.join('\n') + '\n';
}
