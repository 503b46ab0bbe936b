import type { Denial, DenialRun, FileScan, ReadIssue, ScanEntry, SkipReason } from '../types.js';
import { DUPLICATE, EventIdSet, FIRST, type Met } from './event-id-set.js';
import {
  compileFilter,
  denialPasses,
  errorPasses,
  runVerdict,
  unmatchedFilters,
  type CompiledFilter,
  type FilterMiss,
  type RecordFilter,
} from './record-filter.js';
import { addDenial, addOtherError, newState, type AggregateState } from './state.js';
import { addSuppressed, type CompiledSuppression } from './suppression.js';

const RECORD_ISSUES_PER_FILE = 5;
// an event ID is log text: quoted, and cut where an attacker made it long
const SHOWN_ID = 100;

/** What discovery tells the fold (discover/'s Discovery has these). */
export interface DiscoveredFiles {
  found: number;
  pruned: readonly string[];
  skipped: readonly { path: string; reason: SkipReason }[];
  damaged: readonly { path: string; reason: string }[];
}

export interface FoldOptions {
  /** Expected denials: matched on the denial as classified, counted apart from the findings. */
  suppression?: CompiledSuppression | null;
  /** Applied to every kept denial before it is counted or passed on (redaction). */
  transform?: (d: Denial) => Denial;
  /** Groups kept as themselves (group-fold.ts); the default GROUP_CAP. Smaller in tests of the bound. */
  groupCap?: number;
}

/**
 * Folds file scans into one state, in the order given (callers pass files sorted by path, so the
 * first delivery of a duplicated event is the one kept, whatever the concurrency).
 *
 *   const folder = new Folder(filter, (d) => csv.write(d));
 *   for (const scan of scansInPathOrder) folder.add(scan);
 *   toSummary(folder.state, meta);
 *
 * A duplicate is the same event delivered twice: the same eventID and the same content (fingerprint).
 * A record with the eventID of a different record read before is not dropped (dropping it is what a
 * decoy written under a real denial's ID would want): both are counted, each in its own term, and the
 * pair of files is listed as a `conflicting-event-id` issue. Records come fingerprinted by their bytes;
 * when an ID comes back with other bytes, undecided() says which files to read again for content
 * fingerprints (learn() takes the earlier files', the scan itself carries its own) before add().
 */
export class Folder {
  readonly state: AggregateState;
  private readonly seen = new EventIdSet();
  private readonly filter: CompiledFilter;
  /** Scans added so far: the next one's file number (EventIdSet keeps the number of the first one with an ID). */
  private scans = 0;
  /** The paths of the files that held an error record, by number. */
  private readonly paths = new Map<number, string>();

  constructor(
    filter: RecordFilter,
    /** `n`: the denials it stands for (an aggregated query-results row: run.count), else 1. */
    private readonly onDenial: (d: Denial, n: number) => void = () => {},
    private readonly options: FoldOptions = {},
  ) {
    this.filter = compileFilter(filter);
    this.state = newState(options.groupCap);
  }

  /**
   * After duplicates and filters: a suppressed denial is counted by its rule, any other is a finding.
   * A run (an aggregated query-results row) counts run.count denials; onDenial sees its earliest.
   */
  private keep(d: Denial, run?: DenialRun): void {
    const rule = this.options.suppression?.match(d) ?? -1;
    const shown = this.options.transform ? this.options.transform(d) : d;
    const n = run?.count ?? 1;
    if (rule >= 0) {
      this.state.totals.suppressed += n;
      addSuppressed(this.state.suppressed, rule, shown, n);
      return;
    }
    addDenial(this.state, shown, run);
    this.onDenial(shown, n);
  }

  /** An aggregated row: the query dropped its duplicates already (and counted them: scan.queryResults). */
  private addRun(path: string, d: Denial, run: DenialRun): void {
    const verdict = runVerdict(d, run.lastTime, run.count, this.filter);
    if (verdict === 'in') return this.keep(d, run);
    this.state.totals.excludedByFilter += run.count;
    if (verdict === 'straddles') {
      const reason = `an aggregated row of ${run.count} denials (${d.eventTime} to ${run.lastTime}) crosses the window's edge: counted as excluded; run \`sql --aggregate\` with the report's window`;
      this.state.issues.push({ path, kind: 'record', reason, recordsKept: 0 });
    }
  }

  /** Query results (report results.csv): what the Summary says of them. */
  private addQueryResults(scan: FileScan): void {
    const q = scan.queryResults;
    if (q === undefined) return;
    this.state.totals.duplicates += q.duplicates;
    const input = (this.state.queryResults ??= { files: 0, rows: 0, aggregatedRows: 0, records: 0, scannedRecords: null });
    input.files++;
    input.rows += q.rows;
    if (q.aggregated) input.aggregatedRows += q.rows;
    input.records += scan.records;
  }

  /**
   * What discovery found beside the files read: how many files in all, those left unopened (pruned by
   * their key) or skipped (beside the files whose content showed they are not logs), and archives that
   * could not be listed, or only in part: damaged files, like a file cut short, listed before the files read.
   */
  addDiscovery(found: DiscoveredFiles): void {
    const { files, skippedFiles, issues } = this.state;
    files.found = found.found;
    files.pruned = found.pruned.length;
    files.skipped += found.skipped.length;
    skippedFiles.push(...found.skipped.map(({ path, reason }) => ({ path, reason })));
    files.damaged += found.damaged.length;
    issues.unshift(...found.damaged.map((d): ReadIssue => ({ path: d.path, kind: 'file', reason: d.reason, recordsKept: 0 })));
  }

  /** The --principal and --action globs that matched none of the denials read (duplicates aside), and how many those were. */
  filterMisses(): { misses: FilterMiss[]; denials: number } {
    return { misses: unmatchedFilters(this.filter), denials: this.filter.hits.denials };
  }

  /**
   * Before add(scan): null when every record's fate can be decided from the fingerprints at hand; else
   * the earlier files (by number, in the order scans were added) whose error records must be read again
   * and learn()ed with content fingerprints, and whether this scan must be too (then give add() that
   * reading's fingerprints). Errs on the side of reading again: the outcome is exact either way.
   */
  undecided(scan: FileScan): { current: boolean; files: number[] } | null {
    if (scan.skip !== undefined) return null;
    const byContent = (fp: string | undefined) => fp === undefined || fp[0] === 'c';
    let current = false;
    const met: { m: Met; fp: string | undefined }[] = []; // records whose IDs earlier files hold
    const firstHere = new Map<string, string | undefined>(); // IDs new to this scan: their first fingerprint in it
    for (const entry of scan.entries) {
      const id = eventIdOf(entry);
      if (id === '') continue;
      const fp = entry.fingerprint;
      if (firstHere.has(id)) {
        const here = firstHere.get(id);
        if (here !== fp && !(byContent(here) && byContent(fp))) current = true;
        continue;
      }
      const m = this.seen.lookup(id, fp);
      if (m === null) firstHere.set(id, fp);
      else {
        met.push({ m, fp });
        if (!m.same && !byContent(fp)) current = true;
      }
    }
    // the first records to read again: those by their bytes that differ, or all by their bytes when this
    // scan is read again (its fingerprints all become of the content)
    const files = new Set<number>();
    for (const { m, fp } of met) if (!m.firstByContent && (current || (!m.same && byContent(fp)))) files.add(m.firstFile);
    return current || files.size > 0 ? { current, files: [...files] } : null;
  }

  /** The error records of earlier file number `file`, read again with content fingerprints. */
  learn(file: number, again: FileScan): void {
    for (const entry of again.entries) {
      const id = eventIdOf(entry);
      if (id !== '' && entry.fingerprint !== undefined) this.seen.learn(id, entry.fingerprint, file);
    }
  }

  add(scan: FileScan): void {
    const { state } = this;
    const file = this.scans++;
    if (scan.skip !== undefined) {
      // its content showed it is not a log (or is this tool's own output): a skipped file, no records
      state.files.skipped++;
      state.skippedFiles.push({ path: scan.path, reason: scan.skip });
      return;
    }
    const t = state.totals;
    t.records += scan.records;
    t.noError += scan.noError;
    t.damagedRecords += scan.damagedRecords;
    if (scan.error === null) state.files.read++;
    else {
      state.files.damaged++;
      state.issues.push({ path: scan.path, kind: 'file', reason: scan.error, recordsKept: scan.records });
    }
    for (const reason of scan.recordIssues.slice(0, RECORD_ISSUES_PER_FILE)) {
      state.issues.push({ path: scan.path, kind: 'record', reason, recordsKept: 0 });
    }
    this.addQueryResults(scan);
    if (scan.entries.length === 0) return;
    this.paths.set(file, scan.path);
    // conflicts in this file, by the file of the first record with the ID: how many, and the first ID
    const conflicts = new Map<number, { count: number; id: string }>();
    // true when the record is to be counted (first delivery, or a conflicting record); events without an ID are never duplicates
    const counts = (eventId: string, fingerprint: string | undefined): boolean => {
      if (eventId === '') return true;
      const r = this.seen.add(eventId, fingerprint, file);
      if (r === DUPLICATE) return false;
      if (r !== FIRST) {
        const c = conflicts.get(r);
        if (c) c.count++;
        else conflicts.set(r, { count: 1, id: eventId });
      }
      return true;
    };
    for (const entry of scan.entries) {
      if (entry.kind === 'denial') {
        const d = entry.denial;
        d.sourceFile = scan.path; // where it was read: the CSV and JSON Lines say so (set here, not per record in the reading threads)
        if (entry.run !== undefined) this.addRun(scan.path, d, entry.run);
        else if (!counts(d.eventId, entry.fingerprint)) t.duplicates++;
        else if (!denialPasses(d, this.filter)) t.excludedByFilter++;
        else this.keep(d);
      } else if (!counts(entry.eventId, entry.fingerprint)) t.duplicates++;
      else if (!errorPasses(entry, this.filter)) t.excludedByFilter++;
      else addOtherError(state, entry.errorCode);
    }
    for (const [first, c] of conflicts) state.issues.push(conflictIssue(scan.path, this.paths.get(first) ?? '?', c.count, c.id));
  }
}

const eventIdOf = (e: ScanEntry): string => (e.kind === 'denial' ? e.denial.eventId : e.eventId);

function conflictIssue(path: string, firstPath: string, count: number, id: string): ReadIssue {
  const shown = JSON.stringify(id.length > SHOWN_ID ? `${id.slice(0, SHOWN_ID)}…` : id);
  const reason =
    count === 1
      ? `eventID ${shown} is also the ID of a different record in ${firstPath}: both are counted`
      : `${count} eventIDs (the first ${shown}) are also the IDs of different records in ${firstPath}: both of each are counted`;
  return { path, kind: 'conflicting-event-id', reason, recordsKept: 0 };
}
