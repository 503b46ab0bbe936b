import type { SkipReason } from '../types.js';

// Which walked files are worth opening. Files named explicitly on the command line are always read
// (gzip is detected by magic bytes, so the name does not decide the format).
const RULES: { test: RegExp; reason: SkipReason }[] = [
  { test: /(?:^|\/)CloudTrail-Digest\/|_CloudTrail-Digest_/, reason: 'digest-file' },
  { test: /(?:^|\/)CloudTrail-Insight\/|_CloudTrail-Insight_/, reason: 'insight-file' },
];

const LOG_NAME = /\.(?:json|jsonl|ndjson)(?:\.gz)?$|\.gz$/i;

/** Why a path is not a log file, or null when it should be read. */
export function skipReason(path: string, named: boolean): SkipReason | null {
  const p = path.replaceAll('\\', '/');
  for (const rule of RULES) if (rule.test.test(p)) return rule.reason;
  if (!named && !LOG_NAME.test(p)) return 'not-a-log-file';
  return null;
}
