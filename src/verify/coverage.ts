// What the digests prove about each log file read (IntegrityCoverage), and the log files no digest
// vouches for. Inside the hours an hourly digest of the same account and region covers, CloudTrail
// would have listed them: a failure (added, or renamed into place). Outside every hourly digest's
// hours (validation off, or digests not copied) they are uncovered: a notice, and the status partial.
//
// A backfill digest vouches for a log file only when its own signature verified. AWS writes backfill
// digests for log files "not referenced in the original digest due to processing delays" (CloudTrail
// digest file structure), so a genuine one names files its hour's digest does not; but it stands
// outside the hourly chain, so without its signature nothing shows CloudTrail wrote it.
import type { IntegrityCoverage, LogCoverageClass } from '../types.js';
import type { DigestInput, LocalLog } from './inputs.js';
import type { Naming } from './log-check.js';
import { covering, hourlySpans, type Segment } from './spans.js';
import type { Tally } from './tally.js';

const SLACK = 60_000; // file names carry the delivery minute, digests the second
const DAY = 86_400_000;
const NOTICES_PER_ROW = 100; // counts stay exact; the listed notices stop here
const UNVERIFIED_LISTED = 1_000; // coverage.unverified: the first, by path; the counts stay exact

/** A digest's standing once chain and signature are checked: failed when any failure names it. */
export type DigestState = 'valid' | 'unchecked' | 'failed';

export interface CoverageContext {
  tally: Tally;
  namings: ReadonlyMap<string, readonly Naming[]>;
  state: (d: DigestInput) => DigestState;
  window: { since: number | null; until: number | null };
  countOutsideLayout: boolean;
}

const COUNTER: Record<LogCoverageClass, keyof Omit<IntegrityCoverage, 'logFiles' | 'notExamined' | 'unverified'>> = {
  verified: 'verified',
  'signature-unchecked': 'signatureUnchecked',
  uncovered: 'uncovered',
  'outside-layout': 'outsideLayout',
  failed: 'failed',
};

/** The class the digests naming a file give it; null when none vouches for it. */
function vouched(namings: readonly Naming[], state: (d: DigestInput) => DigestState): LogCoverageClass | null {
  if (namings.some((n) => !n.hashMatches)) return 'failed'; // reported as modified or unreadable
  const states = namings.filter((n) => !n.digest.key.backfill || state(n.digest) === 'valid').map((n) => state(n.digest));
  if (states.length === 0) return null;
  return states.includes('valid') ? 'verified' : states.includes('unchecked') ? 'signature-unchecked' : 'failed';
}

function backfillNote(namings: readonly Naming[], state: (d: DigestInput) => DigestState): string {
  const d = namings[0]?.digest;
  if (!d) return '';
  const why =
    state(d) === 'failed' ? 'failed its checks' : 'was not checked (give --public-keys and --signatures: a backfill digest is signed only in S3 metadata)';
  return `; named only by backfill digest ${d.entry.path}, whose signature ${why}`;
}

export function checkCoverage(hourly: readonly DigestInput[], logs: readonly LocalLog[], ctx: CoverageContext): IntegrityCoverage {
  const { tally } = ctx;
  const spans = hourlySpans(hourly, SLACK);
  const out: IntegrityCoverage = { logFiles: 0, verified: 0, signatureUnchecked: 0, uncovered: 0, outsideLayout: 0, failed: 0, notExamined: 0, unverified: [] };
  const counted = (log: LocalLog, cls: LogCoverageClass): void => {
    out.logFiles++;
    out[COUNTER[cls]]++;
    if (cls !== 'verified' && out.unverified.length < UNVERIFIED_LISTED) out.unverified.push({ path: log.path, class: cls });
  };
  const noticesShown = new Map<string, number>();

  for (const log of [...logs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const namings = ctx.namings.get(log.path) ?? [];
    const cls = vouched(namings, ctx.state);
    if (cls !== null) {
      if (log.read) counted(log, cls);
      continue;
    }
    if (log.account === null || log.region === null) {
      if (!log.read) continue;
      if (ctx.countOutsideLayout) counted(log, 'outside-layout');
      else out.notExamined++;
      continue;
    }
    const at = log.deliveredAt === null ? Number.NaN : Date.parse(log.deliveredAt);
    const day = log.date === null ? Number.NaN : Date.parse(`${log.date}T00:00:00Z`);
    const [from, to] = Number.isNaN(at) ? [day, day + DAY - 1] : [at, at + SLACK - 1];
    if (Number.isNaN(from)) continue;
    const seg: Segment | undefined = covering(spans.get(`${log.account} ${log.region}`) ?? [], from, to);
    if (seg) {
      const row = tally.row({ account: log.account, region: log.region, trail: seg.trail, homeRegion: seg.homeRegion });
      tally.find(row, 'logsUnlisted', {
        kind: 'log-unlisted',
        file: log.path,
        digest: null,
        detail: `delivered ${log.deliveredAt ?? log.date}, within digested hours ${seg.first} → ${seg.last}, yet named by no digest${backfillNote(namings, ctx.state)}`,
      });
      if (log.read) counted(log, 'failed');
      continue;
    }
    const { since, until } = ctx.window;
    if ((since !== null && to < since) || (until !== null && from > until)) continue; // slack the discovery kept
    if (!log.read) continue;
    counted(log, 'uncovered');
    const row = tally.row({ account: log.account, region: log.region, trail: null, homeRegion: null });
    const shown = noticesShown.get(row.key) ?? 0;
    noticesShown.set(row.key, shown + 1);
    if (shown >= NOTICES_PER_ROW) {
      tally.count(row, 'logsUncovered');
      continue;
    }
    tally.find(row, 'logsUncovered', {
      kind: 'log-uncovered',
      file: log.path,
      digest: null,
      detail: `delivered ${log.deliveredAt ?? log.date}: no hourly digest in the input covers that hour${backfillNote(namings, ctx.state)}`,
    });
  }
  return out;
}
