import type { Denial, DenialRun, FileScan } from '../types.js';
import { EventIdSet } from './event-id-set.js';
import { compileFilter, denialPasses, errorPasses, runVerdict, unmatchedFilters, type CompiledFilter, type FilterMiss, type RecordFilter } from './record-filter.js';
import { addDenial, addOtherError, newState, type AggregateState } from './state.js';
import { addSuppressed, type CompiledSuppression } from './suppression.js';

const RECORD_ISSUES_PER_FILE = 5;

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
 */
export class Folder {
  readonly state: AggregateState;
  private readonly seen = new EventIdSet();
  private readonly filter: CompiledFilter;

  constructor(
    filter: RecordFilter,
    private readonly onDenial: (d: Denial) => void = () => {},
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
    this.onDenial(shown);
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

  /** The --principal and --action globs that matched none of the denials read (duplicates aside), and how many those were. */
  filterMisses(): { misses: FilterMiss[]; denials: number } {
    return { misses: unmatchedFilters(this.filter), denials: this.filter.hits.denials };
  }

  /** True the first time an event ID is met; events without an ID are never duplicates. */
  private firstDelivery(eventId: string): boolean {
    return eventId === '' || this.seen.add(eventId);
  }

  add(scan: FileScan): void {
    const { state } = this;
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
    for (const entry of scan.entries) {
      if (entry.kind === 'denial') {
        const d = entry.denial;
        if (entry.run !== undefined) this.addRun(scan.path, d, entry.run);
        else if (!this.firstDelivery(d.eventId)) t.duplicates++;
        else if (!denialPasses(d, this.filter)) t.excludedByFilter++;
        else this.keep(d);
      } else if (!this.firstDelivery(entry.eventId)) t.duplicates++;
      else if (!errorPasses(entry, this.filter)) t.excludedByFilter++;
      else addOtherError(state, entry.errorCode);
    }
  }
}
