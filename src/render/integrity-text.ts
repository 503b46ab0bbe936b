// `verify` on a terminal: one row per digest chain, then every failure and the notices, each naming
// the file and the digest. Paths come from the input and are cleaned of terminal controls.
import type { IntegrityCounts, IntegrityFinding, IntegritySummary } from '../types.js';
import { formatCount } from './format-count.js';
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
  { head: 'signatures valid/invalid/unchecked', cell: (c) => `${formatCount(c.signaturesValid)}/${formatCount(c.signaturesInvalid)}/${formatCount(c.signaturesUnchecked)}` },
];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
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

export function renderIntegrityText(s: IntegritySummary, options: { top: number }): string {
  const lines: string[] = [];
  if (s.trails.length === 0) {
    lines.push('No digest files or trail log files in the input (digests are under AWSLogs/…/CloudTrail-Digest/).');
  } else {
    const head = ['account', 'region', 'trail', ...COLUMNS.map((c) => c.head)];
    const body = s.trails.map((t) => [sanitizeTerminal(t.account), sanitizeTerminal(t.region), sanitizeTerminal(t.trail ?? '(no digest)'), ...COLUMNS.map((c) => c.cell(t))]);
    const total = ['total', '', '', ...COLUMNS.map((c) => c.cell(s.totals))];
    lines.push(table([head, ...body, ...(s.trails.length > 1 ? [total] : [])]));
  }
  if (s.digestsPruned > 0) lines.push(`${formatCount(s.digestsPruned)} digest files outside --since/--until/--account/--region were not opened.`);
  lines.push(...list('FAILURES', s.failures, options.top));
  lines.push(...list('Notices', s.notices, options.top));
  lines.push('');
  if (s.publicKeys === null) lines.push('Signatures not checked: give --public-keys (and --signatures for the newest digests).');
  lines.push(s.ok ? 'Integrity: OK' : `Integrity: FAILED (${formatCount(s.failures.length)} failures)`);
  return lines.join('\n') + '\n';
}
