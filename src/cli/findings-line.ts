// The findings' line of a report's console output, beside the counts (report-command.ts).
import type { Summary } from '../types.js';

/** '\n10 findings: 5 high, 5 medium (Needs attention, first in report.md and report.html)', or nothing. */
export function findingsLine(s: Summary): string {
  const list = s.findings ?? [];
  if (list.length === 0) return '';
  const by = (['high', 'medium', 'low'] as const).flatMap((sev) => {
    const n = list.filter((f) => f.severity === sev).length;
    return n > 0 ? [`${n} ${sev}`] : [];
  });
  return `\n${list.length} ${list.length === 1 ? 'finding' : 'findings'}: ${by.join(', ')} (Needs attention, first in every report)`;
}
