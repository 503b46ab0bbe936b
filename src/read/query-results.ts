// Query results as input: the CSV that Athena (or DuckDB's COPY … TO) writes for the query
// `cloudtrail-denials sql` prints, plain or gzipped, plain or aggregated. Recognised by its header;
// each row becomes the record it was flattened from (sql/result-records.ts) and goes to the same
// classifier as a log's records. An aggregated row stands for `denials` records (plus `duplicates`
// later deliveries of them, which the query counted).
import { AGGREGATE_COLUMNS, resultColumns } from '../sql/denial-query.js';
import { classifyRecord } from '../classify/index.js';
import type { QueryResultsScan } from '../types.js';
import { CsvRows, type Cell } from '../sql/csv-rows.js';
import type { FileScanBuilder } from './file-scan.js';
import { aggregatedRecord, plainRecord } from '../sql/result-records.js';

export interface ChunkReader {
  push(chunk: Buffer): string | null;
  end(): string | null;
}

const MAX_ROW = 64 * 1024 * 1024;

type Layout = { aggregated: boolean; index: Map<string, number> };

/** The header's layout, or why it is not one this version reads. */
function layoutOf(header: Cell[]): Layout | string {
  const names = header.map((c) => c ?? '');
  for (const aggregated of [false, true]) {
    const expected = resultColumns(aggregated);
    if (names.length === expected.length && names.every((n, i) => n === expected[i])) {
      return { aggregated, index: new Map(names.map((n, i) => [n, i])) };
    }
  }
  const expected = resultColumns(names[0] === AGGREGATE_COLUMNS[0]);
  const missing = expected.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !expected.includes(n));
  const what = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `unexpected ${extra.join(', ')}` : '']
    .filter((x) => x !== '')
    .join('; ');
  return `query results with other columns than this version's query (${what || 'in another order'}): run the query \`cloudtrail-denials sql\` prints again`;
}

const COUNT = /^(0|[1-9][0-9]{0,14})$/;

function samplesOf(text: string | null): { time: string; id: string }[] | null {
  if (text === null) return [];
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  const out: { time: string; id: string }[] = [];
  for (const pair of v) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return null;
    out.push({ time: pair[0], id: pair[1] });
  }
  return out;
}

export function queryResultsReader(builder: FileScanBuilder): ChunkReader {
  let layout: Layout | null = null;
  let error: string | null = null;
  const q: QueryResultsScan = { rows: 0, aggregated: false, duplicates: 0 };
  builder.scan.queryResults = q;
  const onRow = (cells: Cell[]) => {
    if (error !== null) return;
    if (layout === null) {
      const l = layoutOf(cells);
      if (typeof l === 'string') error = l;
      else q.aggregated = (layout = l).aggregated;
      return;
    }
    q.rows++;
    if (cells.length !== layout.index.size) return builder.damaged(`a row has ${cells.length} cells, the header ${layout.index.size}`);
    if (!layout.aggregated) return builder.record(plainRecord(cells, layout.index));
    aggregatedRow(builder, q, cells, layout.index);
  };
  const rows = new CsvRows(MAX_ROW, onRow, () => builder.damaged(`row larger than ${MAX_ROW / 1024 / 1024} MiB skipped`));
  return {
    push: (chunk) => (rows.push(chunk), error),
    end: () => {
      const end = rows.end();
      if (error === null && layout === null) error = 'query results without a header';
      return error ?? end;
    },
  };
}

function aggregatedRow(builder: FileScanBuilder, q: QueryResultsScan, cells: Cell[], index: Map<string, number>): void {
  const cell = (name: string) => cells[index.get(name) ?? -1] ?? null;
  const denials = cell('denials') ?? '';
  const duplicates = cell('duplicates') ?? '';
  const samples = samplesOf(cell('sample_events'));
  if (!COUNT.test(denials) || !COUNT.test(duplicates)) return builder.damaged('an aggregated row whose denials or duplicates is not a count');
  if (samples === null) return builder.damaged('an aggregated row whose sample_events is not a JSON list of [time, id] pairs');
  const count = Number(denials);
  const copies = Number(duplicates);
  builder.scan.records += count + copies;
  q.duplicates += copies;
  if (count === 0) return;
  const record = aggregatedRecord(cells, index);
  const first = cell('first_eventtime') ?? '';
  // The row's representative is a real event: its earliest (an earliest without an ID keeps none).
  const earliest = samples.length > 0 && samples[0].time === first ? samples[0].id : '';
  Object.assign(record, { eventTime: first, eventID: earliest });
  const c = classifyRecord(record);
  if (c.kind === 'denial') {
    builder.scan.entries.push({ kind: 'denial', denial: c.denial, run: { count, lastTime: cell('last_eventtime') ?? '', samples } });
  } else if (c.kind === 'other-error') {
    // Not a candidate the query means to return; counted as what it is, each without an ID.
    const account = typeof record.recipientAccountId === 'string' ? record.recipientAccountId : '';
    const region = typeof record.awsRegion === 'string' ? record.awsRegion : '';
    for (let i = 0; i < count; i++)
      builder.scan.entries.push({ kind: 'other-error', errorCode: c.errorCode, eventId: '', eventTime: c.eventTime, account, region });
  } else builder.scan.noError += count;
}
