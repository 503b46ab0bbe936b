// Trail delivery names and file bodies, as an organisation trail writes them to S3.
import { alnum, compactTime } from './ids.js';
import type { Prng } from './prng.js';
import type { CloudTrailRecord } from './record-builder.js';
import { ORG_ID } from './world.js';

export interface SampleFile {
  /** Relative, '/'-separated. */
  path: string;
  /** The uncompressed text (the writer gzips it when `gzip` is true). */
  content: string;
  gzip: boolean;
}

function datePath(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** AWSLogs/o-…/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 alnum>.json.gz */
export function logFilePath(account: string, region: string, deliveryMs: number, uniqueId: string): string {
  return `AWSLogs/${ORG_ID}/${account}/CloudTrail/${region}/${datePath(deliveryMs)}/${account}_CloudTrail_${region}_${compactTime(deliveryMs, false)}_${uniqueId}.json.gz`;
}

export function logFileId(rng: Prng): string {
  return alnum(rng, 16);
}

/** AWSLogs/o-…/<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/<account>_CloudTrail-Digest_<region>_<trail>_<home region>_<YYYYMMDDTHHmmssZ>.json.gz */
export function digestFilePath(account: string, region: string, trail: string, homeRegion: string, endMs: number): string {
  return `AWSLogs/${ORG_ID}/${account}/CloudTrail-Digest/${region}/${datePath(endMs)}/${account}_CloudTrail-Digest_${region}_${trail}_${homeRegion}_${compactTime(endMs, true)}.json.gz`;
}

/** Compact JSON, one object with a Records array, as CloudTrail delivers it. */
export function logFileContent(records: readonly CloudTrailRecord[]): string {
  return JSON.stringify({ Records: records });
}
