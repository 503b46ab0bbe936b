// What a report run says about its inputs on the console, in the terms of the reports' input accounting
// (found = read + pruned + skipped + damaged), and why a run that read no log file stops: "0 denials,
// exit 0" from an empty folder or a window that pruned every file would pass for "nothing was refused".
//
//   consoleLine(summary)                          // '42 denials in 781 records; files: 102 found, 101 read, 1 skipped'
//   if (noLogRead(summary)) throw new UserError(noLogReadError(whyNoLogRead(summary, found, filter, flags)));
import { isPrunedByKey, parseTrailKey, type Discovery, type PruneFilter } from '../discover/index.js';
import type { Summary } from '../types.js';

export { noLogRead } from '../render/no-log-read.js';

export interface WindowFlags {
  since?: string;
  until?: string;
  week?: string;
  day?: string;
  last?: string;
  account: string[];
  region: string[];
}

/** '1 file', '2 files'. */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function consoleLine(s: Summary): string {
  const { files: f, totals: t } = s;
  const parts = [`${f.found} found`, `${f.read} read`];
  if (f.pruned > 0) parts.push(`${f.pruned} pruned`);
  if (f.skipped > 0) parts.push(`${f.skipped} skipped`);
  if (f.damaged > 0) parts.push(`${f.damaged} damaged`);
  const conflicts = s.issues.filter((i) => i.kind === 'conflicting-event-id').length;
  return (
    `${count(t.denials, 'denial')} in ${count(t.records, 'record')}; files: ${parts.join(', ')}` +
    (t.suppressed > 0 ? `; ${t.suppressed} suppressed as expected` : '') +
    (conflicts > 0 ? `; ${count(conflicts, 'conflicting-event-id issue')} (see the report)` : '')
  );
}

/** The window as the user wrote it: '--since 7d', '--week 2026-W47'. */
function windowText(flags: WindowFlags): string {
  for (const name of ['week', 'day', 'last'] as const) if (flags[name] !== undefined) return `--${name} ${flags[name]}`;
  return [flags.since === undefined ? '' : `--since ${flags.since}`, flags.until === undefined ? '' : `--until ${flags.until}`].filter(Boolean).join(' ');
}

/**
 * Pruned files by the option that left them out, in the order discover applies them (account, region,
 * window), with the span of delivery days of those outside the window: '3 outside --since 7d (the newest
 * is from 2026-11-22)'.
 */
function prunedParts(pruned: readonly string[], filter: PruneFilter, flags: WindowFlags): string[] {
  const open: PruneFilter = { accounts: [], regions: [], since: null, until: null };
  const by = { account: 0, region: 0, window: 0 };
  const days: string[] = [];
  for (const path of pruned) {
    const key = parseTrailKey(path);
    if (key === null) continue;
    if (isPrunedByKey(key, { ...open, accounts: filter.accounts })) by.account++;
    else if (isPrunedByKey(key, { ...open, regions: filter.regions })) by.region++;
    else {
      by.window++;
      days.push(key.date);
    }
  }
  days.sort();
  const span =
    days.length === 0
      ? ''
      : filter.until !== null && Date.parse(days[0]) > filter.until
        ? ` (the oldest is from ${days[0]})`
        : ` (the newest is from ${days.at(-1)})`;
  return [
    by.account > 0 ? `${by.account} outside --account ${flags.account.join(' ')}` : '',
    by.region > 0 ? `${by.region} outside --region ${flags.region.join(' ')}` : '',
    by.window > 0 ? `${by.window} outside ${windowText(flags)}${span}` : '',
  ].filter(Boolean);
}

/** One stderr line when files were left unopened by their S3 key, or null. */
export function prunedLine(s: Summary, found: Discovery, filter: PruneFilter, flags: WindowFlags): string | null {
  if (s.files.pruned === 0) return null;
  return `${s.files.pruned} of ${count(s.files.found, 'file')} not opened: ${prunedParts(found.pruned, filter, flags).join(', ')}`;
}

/** Why no log file was read. */
export function whyNoLogRead(s: Summary, found: Discovery, filter: PruneFilter, flags: WindowFlags): string {
  const f = s.files;
  let why: string;
  if (f.found === 0) {
    const empty = found.inputs
      .filter((i) => i.files === 0)
      .map((i) => (i.kind === 'glob' ? `the glob ${i.arg} matches no file` : `the folder ${i.arg} holds no files`));
    why = empty.join('; ') || 'no file found';
  } else {
    const parts = f.pruned > 0 ? prunedParts(found.pruned, filter, flags) : [];
    if (f.skipped > 0) parts.push(`${f.skipped} skipped (${f.skippedByReason.map((r) => `${r.key} ${r.count}`).join(', ')})`);
    const damage = s.issues.find((i) => i.kind === 'file');
    if (f.damaged > 0) parts.push(`${f.damaged} damaged (${damage ? `${damage.path}: ${damage.reason}` : 'see the issues'}${f.damaged > 1 ? ', …' : ''})`);
    why = `${count(f.found, 'file')} found: ${parts.join(', ')}`;
  }
  return why;
}

/** The exit-1 message of a run that read no log file. */
export const noLogReadError = (why: string): string => `no log file read: ${why}. Fix the input, or pass --allow-empty to write the reports anyway`;
