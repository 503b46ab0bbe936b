// The page data as the report carries it: its JSON (script-json.ts: every <, > and & escaped, so even
// unpacked no text from a log could end an element) compressed with raw DEFLATE (fflate, level 9) and
// written in base64, the browser's DecompressionStream('deflate-raw') undoing it (report-script/main.ts).
// A page of logs repeats itself (ARNs, user agents, account IDs): the samples' data is 52 KB as JSON,
// 19 KB packed; a 10,000-group report's 11.8 MB shrinks likewise. Base64 holds only [A-Za-z0-9+/=]:
// nothing the HTML parser treats specially inside a <script> element.
//
//   packData({ v: 1, … })   // 'y0svy…'
import { deflateSync, strToU8 } from 'fflate';
import { scriptJson } from './script-json.js';

export const PACKED_DATA_ENCODING = 'deflate-raw;base64';

export function packData(value: unknown): string {
  // deterministic: the same value gives the same bytes (no header, no time stamp in raw DEFLATE)
  return Buffer.from(deflateSync(strToU8(scriptJson(value)), { level: 9 })).toString('base64');
}
