import type { TrailKey } from '../types.js';

// AWSLogs/[o-xxxxxxxxxx/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>; anything may precede AWSLogs
// (a bucket prefix, a local folder). The file name carries the delivery minute when it is a trail file.
const KEY = /(?:^|\/)AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/;
const FILE = /^\d{12}_CloudTrail_[a-z0-9-]+_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[A-Za-z0-9]+\.json(?:\.gz)?$/;

/** Reads account, region and delivery date from a trail-layout path; null for any other path. */
export function parseTrailKey(path: string): TrailKey | null {
  const m = KEY.exec(path.replaceAll('\\', '/'));
  if (!m) return null;
  const [, orgId, account, region, yyyy, mm, dd, file] = m;
  const f = FILE.exec(file);
  return {
    orgId: orgId ?? null,
    account,
    region,
    date: `${yyyy}-${mm}-${dd}`,
    deliveredAt: f ? `${f[1]}-${f[2]}-${f[3]}T${f[4]}:${f[5]}Z` : null,
  };
}
