// The HTML report's page data, read back as the page's script reads it (render/packed-data.ts): the
// <script id="ctd-data"> element's base64, raw-DEFLATE decompressed, is the JSON the renderer wrote.
import { inflateRawSync } from 'node:zlib';

export const DATA_OPEN = '<script type="application/octet-stream" id="ctd-data" data-encoding="deflate-raw;base64">';

/** The data block's text as the page holds it (base64), or '' without one. */
export function packedData(html: string): string {
  const at = html.indexOf(DATA_OPEN);
  return at < 0 ? '' : html.slice(at + DATA_OPEN.length, html.indexOf('</script>', at));
}

/** The page data's JSON text (every <, > and & \u-escaped), unpacked. */
export function pageDataJson(html: string): string {
  return inflateRawSync(Buffer.from(packedData(html), 'base64')).toString('utf8');
}

export function pageData(html: string): CtdPageData {
  return JSON.parse(pageDataJson(html)) as CtdPageData;
}
