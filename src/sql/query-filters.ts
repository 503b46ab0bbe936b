// The WHERE clause of the denial-candidates query: the catalog's codes, console sign-in failures, and
// the window, account and region filters `report` takes. Each predicate keeps every record `report`
// would keep (what the engine returns is a superset, and `report results.csv` with the same options
// applies the exact filters again); partition predicates make Athena read only the days, accounts and
// regions asked for.
import type { ErrorCodeRow } from '../classify/error-codes.js';
import type { PartitionColumn } from './athena-table.js';
import { denialCodes } from './denial-codes.js';
import type { Dialect } from './dialect.js';
import { DAY, eventTimeText, floorDay, partitionDay, sqlList, sqlString } from './sql-text.js';

export interface QueryFilter {
  since: number | null; // epoch ms, inclusive (as report's RecordFilter)
  until: number | null;
  accounts: string[];
  regions: string[];
}

/** classify-record.ts: no errorCode, eventName ConsoleLogin, responseElements.ConsoleLogin "Failure". */
function consoleLoginCondition(dialect: Dialect): string {
  return `(COALESCE(errorcode, '') = '' AND eventname = 'ConsoleLogin' AND ${dialect.jsonValue('responseelements', '$.ConsoleLogin')} = '"Failure"')`;
}

/**
 * The delivery-date partition kept for a window: discover/prune.ts keeps the same days (a day of
 * slack at each edge: a file's key carries its delivery time, minutes after its events), so the two
 * paths read the same records.
 */
function partitionWindow(f: QueryFilter): string[] {
  const out: string[] = [];
  if (f.since !== null) out.push(`"timestamp" >= ${sqlString(partitionDay(floorDay(f.since) - DAY))}`);
  if (f.until !== null) out.push(`"timestamp" <= ${sqlString(partitionDay(floorDay(f.until) + DAY))}`);
  return out;
}

/**
 * eventtime in the window. CloudTrail writes 2026-11-20T10:00:00Z, whose text order is time order, so
 * a string comparison is exact for it (against the window's bounds rounded inward to whole seconds);
 * a time spelled otherwise is kept, and report's own window decides it.
 */
function eventTimeWindow(f: QueryFilter): string | null {
  if (f.since === null && f.until === null) return null;
  const lo = f.since === null ? null : eventTimeText(Math.ceil(f.since / 1000) * 1000);
  const hi = f.until === null ? null : eventTimeText(Math.floor(f.until / 1000) * 1000);
  const inside = [lo === null ? null : `eventtime >= ${sqlString(lo)}`, hi === null ? null : `eventtime <= ${sqlString(hi)}`].filter((x) => x !== null);
  return `(eventtime NOT LIKE '____-__-__T__:__:__Z' OR (${inside.join(' AND ')}))`;
}

export function whereClause(dialect: Dialect, filter: QueryFilter, partitions: readonly PartitionColumn[], catalog?: readonly ErrorCodeRow[]): string[] {
  const has = (p: PartitionColumn) => partitions.includes(p);
  const codes = denialCodes(catalog);
  const lines = Array.from({ length: Math.ceil(codes.length / 6) }, (_, i) => sqlList(codes.slice(i * 6, i * 6 + 6)));
  const where = [`(errorcode IN (\n    ${lines.join(',\n    ')})\n    OR ${consoleLoginCondition(dialect)})`];
  if (has('timestamp')) where.push(...partitionWindow(filter));
  const time = eventTimeWindow(filter);
  if (time !== null) where.push(time);
  if (filter.accounts.length > 0) {
    if (has('account')) where.push(`account IN (${sqlList(filter.accounts)})`);
    // A denial's account is recipientAccountId, else the caller's (build-denial.ts): an empty one is
    // left to report.
    where.push(`(COALESCE(recipientaccountid, '') = '' OR recipientaccountid IN (${sqlList(filter.accounts)}))`);
  }
  if (filter.regions.length > 0) {
    if (has('region')) where.push(`region IN (${sqlList(filter.regions)})`);
    where.push(`awsregion IN (${sqlList(filter.regions)})`);
  }
  return where;
}
