// Turn one log source into a FileScan: every record counted, records with an error classified.
//
//   const scan = await scanSource({ path: 'a.json.gz', size: 1234, key: null });
//   scan.records, scan.entries, scan.error
import type { FileScan, LogSource } from '../types.js';
import { FileScanBuilder } from './file-scan.js';
import { streamItems } from './stream-items.js';

export { FileScanBuilder } from './file-scan.js';
export { isGzip } from './gzip.js';

/** One function per file, so the strategy (stream, fast path) can be chosen per file. */
export async function scanSource(source: LogSource): Promise<FileScan> {
  const builder = new FileScanBuilder(source.path);
  const { error, bytes } = await streamItems(source.path, (value, origin) => builder.item(value, origin));
  builder.scan.bytes = bytes;
  return builder.finish(error);
}
