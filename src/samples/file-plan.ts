// Which log files a week of the trail delivers: per account, region and day, a few files at
// business-weighted hours. Records are placed into these files afterwards.
import type { Prng } from './prng.js';
import type { CloudTrailRecord } from './record-builder.js';
import { ACCOUNTS, DAY_MS, DAYS, HOUR_MS, REGIONS, WEEK_START_MS, type Region } from './world.js';
import { logFileId, logFilePath } from './log-file.js';

export interface PlannedFile {
  account: string;
  region: Region;
  day: number;
  deliveryMs: number;
  path: string;
  records: { ms: number; record: CloudTrailRecord; kind: 'success' | 'denial' | 'other-error' }[];
  /** A file of the intrusion story (scenarios-intrusion.ts): the noise is never placed in it. */
  story?: boolean;
}

const FILES_PER_DAY: Readonly<Record<Region, readonly [number, number]>> = {
  'us-east-1': [2, 4],
  'eu-west-1': [2, 3],
  'us-west-2': [1, 2],
};

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: hour, weight: hour >= 7 && hour <= 18 ? 4 : 1 }));

export function planFiles(rng: Prng): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) {
      for (let day = 0; day < DAYS; day += 1) {
        const [min, max] = FILES_PER_DAY[region];
        const count = rng.int(min, max);
        for (let i = 0; i < count; i += 1) {
          const deliveryMs = WEEK_START_MS + day * DAY_MS + rng.pickWeighted(HOURS) * HOUR_MS + rng.int(8, 59) * 60_000;
          files.push({ account, region, day, deliveryMs, path: logFilePath(account, region, deliveryMs, logFileId(rng)), records: [] });
        }
      }
    }
  }
  return files;
}

/** A time for a record in `file`: within the file's hour, shortly before delivery. */
export function eventTimeIn(rng: Prng, file: PlannedFile): number {
  const hourStart = file.deliveryMs - (file.deliveryMs % HOUR_MS);
  const earliest = Math.max(hourStart, file.deliveryMs - 15 * 60_000);
  const latest = file.deliveryMs - 30_000;
  return earliest + Math.floor(rng.next() * ((latest - earliest) / 1000)) * 1000;
}
