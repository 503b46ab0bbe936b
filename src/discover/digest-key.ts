// AWSLogs/[o-…/]<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/
//   <account>_CloudTrail-Digest_<region>_<trail>_<home-region>_<YYYYMMDDTHHMMSSZ>[_backfill].json.gz
// Trail names may hold underscores, so the home region and the end time are read from the right.

/** Fields of a digest file's S3 key (or a local copy of it). */
export interface DigestKey {
  orgId: string | null;
  account: string;
  region: string; // the region the digest (and its log files) came from
  date: string; // YYYY-MM-DD from the folders (the digest's end day)
  trail: string;
  homeRegion: string;
  endTime: string; // YYYY-MM-DDTHH:MM:SSZ from the file name
  backfill: boolean; // `_backfill`: late log files, outside the hourly chain
}

const KEY = /(?:^|\/)AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail-Digest\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/;
const FILE =
  /^(\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_([a-z]{2}(?:-[a-z0-9]+)+-\d+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(_backfill)?\.json(?:\.gz)?$/;

/** Reads a digest file's key; null for any other path. */
export function parseDigestKey(path: string): DigestKey | null {
  const m = KEY.exec(path.replaceAll('\\', '/'));
  if (!m) return null;
  const [, orgId, account, region, yyyy, mm, dd, file] = m;
  const f = FILE.exec(file);
  if (!f || f[1] !== account || f[2] !== region) return null;
  return {
    orgId: orgId ?? null,
    account,
    region,
    date: `${yyyy}-${mm}-${dd}`,
    trail: f[3],
    homeRegion: f[4],
    endTime: `${f[5]}-${f[6]}-${f[7]}T${f[8]}:${f[9]}:${f[10]}Z`,
    backfill: f[11] !== undefined,
  };
}
