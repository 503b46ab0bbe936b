import type { Denial, FileScan } from '../types.js';
import { EventIdSet } from './event-id-set.js';
import { compileFilter, denialPasses, errorPasses, type CompiledFilter, type RecordFilter } from './record-filter.js';
import { addDenial, addOtherError, newState, type AggregateState } from './state.js';
import { addSuppressed, type CompiledSuppression } from './suppression.js';

const RECORD_ISSUES_PER_FILE = 5;

export interface FoldOptions {
  /** Expected denials: matched on the denial as classified, counted apart from the findings. */
  suppression?: CompiledSuppression | null;
  /** Applied to every kept denial before it is counted or passed on (redaction). */
  transform?: (d: Denial) => Denial;
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
  readonly state: AggregateState = newState();
  private readonly seen = new EventIdSet();
  private readonly filter: CompiledFilter;

  constructor(
    filter: RecordFilter,
    private readonly onDenial: (d: Denial) => void = () => {},
    private readonly options: FoldOptions = {},
  ) {
    this.filter = compileFilter(filter);
  }

  /** After duplicates and filters: a suppressed denial is counted by its rule, any other is a finding. */
  private keep(d: Denial): void {
    const rule = this.options.suppression?.match(d) ?? -1;
    const shown = this.options.transform ? this.options.transform(d) : d;
    if (rule >= 0) {
      this.state.totals.suppressed++;
      addSuppressed(this.state.suppressed, rule, shown);
      return;
    }
    addDenial(this.state, shown);
    this.onDenial(shown);
  }

  /** True the first time an event ID is met; events without an ID are never duplicates. */
  private firstDelivery(eventId: string): boolean {
    return eventId === '' || this.seen.add(eventId);
  }

  add(scan: FileScan): void {
    const { state } = this;
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
    for (const entry of scan.entries) {
      if (entry.kind === 'denial') {
        const d = entry.denial;
        if (!this.firstDelivery(d.eventId)) t.duplicates++;
        else if (!denialPasses(d, this.filter)) t.excludedByFilter++;
        else this.keep(d);
      } else if (!this.firstDelivery(entry.eventId)) t.duplicates++;
      else if (!errorPasses(entry, this.filter)) t.excludedByFilter++;
      else addOtherError(state, entry.errorCode);
    }
  }
}
