import type { Denial, FileScan } from '../types.js';
import { compileFilter, denialPasses, errorPasses, type CompiledFilter, type RecordFilter } from './record-filter.js';
import { addDenial, addOtherError, newState, type AggregateState } from './state.js';

const RECORD_ISSUES_PER_FILE = 5;

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
  private readonly seen = new Set<string>();
  private readonly filter: CompiledFilter;

  constructor(filter: RecordFilter, private readonly onDenial: (d: Denial) => void = () => {}) {
    this.filter = compileFilter(filter);
  }

  /** True the first time an event ID is met; events without an ID are never duplicates. */
  private firstDelivery(eventId: string): boolean {
    if (eventId === '') return true;
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    return true;
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
    for (const entry of scan.entries) {
      if (entry.kind === 'denial') {
        const d = entry.denial;
        if (!this.firstDelivery(d.eventId)) t.duplicates++;
        else if (!denialPasses(d, this.filter)) t.excludedByFilter++;
        else {
          addDenial(state, d);
          this.onDenial(d);
        }
      } else if (!this.firstDelivery(entry.eventId)) t.duplicates++;
      else if (!errorPasses(entry, this.filter)) t.excludedByFilter++;
      else addOtherError(state, entry.errorCode);
    }
  }
}
