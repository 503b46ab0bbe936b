// Turn one log source into a FileScan: every record counted, records with an error classified.
//
//   const scan = await scanSource({ path: 'a.json.gz', size: 1234, key: null });
//   scan.records, scan.entries, scan.error
import type { FileScan, LogSource } from '../types.js';
import { checkActions } from './action-check.js';
import { FileScanBuilder } from './file-scan.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { splitScan } from './split-scan.js';

export { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/**
 * One file, whichever way reads it best: the splitter fast path for the shapes it knows, else the
 * stream-json path (also the reference the fast path is tested against, with fastPath: false).
 */
export async function scanSource(source: LogSource, limits: ReadLimits = DEFAULT_LIMITS): Promise<FileScan> {
  const [scan] = await checkActions([await scanFile(source, limits)]); // actionVerified: read/action-check.ts
  return scan;
}

async function scanFile(source: LogSource, limits: ReadLimits): Promise<FileScan> {
  const fast = limits.fastPath ? await splitScan(source, limits) : null;
  if (fast !== null) return fast;
  const builder = new FileScanBuilder(source.path, { named: source.named, contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts });
  // stream-json loads only for the shapes the fast path does not know
  const { streamItems } = await import('./stream-items.js');
  return builder.finishRead(await streamItems(source.path, (value, origin) => builder.item(value, origin), limits.maxExpansion));
}
