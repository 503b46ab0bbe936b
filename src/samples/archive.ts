// The demo archive: a week of an organisation trail for two accounts in three regions, with every
// kind of refusal, one duplicate delivery, log file integrity validation on throughout (one signed
// digest per hour, account and region), and the keys and signatures an auditor would capture.
//
//   for (const file of generateSampleArchive({ seed: 1 })) write(file.path, file.gzip ? gzipSync(file.content) : file.content);
import type { Expectation, Scenario } from './scenario-types.js';
import { digestChain, type DigestedLog } from './digest-file.js';
import { integrityFiles } from './integrity-files.js';
import { eventTimeIn, planFiles, type PlannedFile } from './file-plan.js';
import { logFileContent, logFileId, logFilePath, type SampleFile } from './log-file.js';
import { createPrng, type Prng } from './prng.js';
import { scenarioRecord, successRecord } from './records.js';
import { SCENARIOS } from './scenarios.js';
import { placeStory } from './story-files.js';
import { ACCOUNTS, PROD_ACCOUNT, REGIONS } from './world.js';

import { DEFAULT_SEED } from './seed.js';

export { DEFAULT_SEED };

export interface SampleManifest {
  seed: number;
  /** Log files written, the duplicate delivery included. */
  logFiles: number;
  /** Records across all log files, the duplicate delivery's copies included. */
  records: number;
  duplicate: { original: string; copy: string; records: number };
  /** Digest files: one per hour of the week, account and region. */
  digests: number;
  /** Scenario records placed once each (the duplicate delivery repeats some of them). */
  scenarios: { id: string; kind: Scenario['kind']; count: number; expected: Expectation | null }[];
}

export interface SampleArchive {
  files: SampleFile[];
  manifest: SampleManifest;
}

function placeScenarios(rng: Prng, files: PlannedFile[]): void {
  for (const entry of SCENARIOS) {
    if (entry.at !== undefined) continue; // the story's, placed by placeStory
    const [from, to] = entry.days ?? [0, 6];
    const candidates = files.filter((file) => file.account === entry.recipient && file.region === entry.region && file.day >= from && file.day <= to);
    if (candidates.length === 0) throw new Error(`no log file can hold scenario ${entry.id}`);
    const stream = rng.fork(entry.id);
    for (let i = 0; i < entry.count; i += 1) {
      const file = stream.pick(candidates);
      const ms = eventTimeIn(stream, file);
      file.records.push({ ms, record: scenarioRecord(stream, entry, ms), kind: entry.kind });
    }
  }
}

function fillWithSuccesses(rng: Prng, files: PlannedFile[]): void {
  for (const file of files) {
    const count = rng.int(3, 8);
    for (let i = 0; i < count; i += 1) {
      const ms = eventTimeIn(rng, file);
      file.records.push({ ms, record: successRecord(rng, file.account, file.region, ms), kind: 'success' });
    }
    const id = (r: { record: { eventID?: unknown } }) => (typeof r.record.eventID === 'string' ? r.record.eventID : '');
    file.records.sort((a, b) => a.ms - b.ms || id(a).localeCompare(id(b)));
  }
}

function hasDenial(file: PlannedFile): boolean {
  return file.records.some(({ kind }) => kind === 'denial');
}

export function buildSampleArchive(options: { seed?: number } = {}): SampleArchive {
  const seed = options.seed ?? DEFAULT_SEED;
  const root = createPrng(seed);
  const files = planFiles(root.fork('plan'));
  placeScenarios(root.fork('scenarios'), files);
  files.push(...placeStory(root.fork('story')));
  fillWithSuccesses(root.fork('successes'), files);

  const extra = root.fork('delivery');
  const original = extra.pick(files.filter((file) => file.account === PROD_ACCOUNT && hasDenial(file) && !file.story));
  const copy: PlannedFile = { ...original, path: logFilePath(original.account, original.region, original.deliveryMs, logFileId(extra)) };
  const delivered = [...files, copy];

  const contents = new Map(delivered.map((file) => [file.path, logFileContent(file.records.map(({ record }) => record))]));
  const digested = (file: PlannedFile): DigestedLog => ({
    path: file.path,
    content: contents.get(file.path) ?? '',
    deliveryMs: file.deliveryMs,
    oldestEventMs: file.records[0].ms,
    newestEventMs: file.records[file.records.length - 1].ms,
  });
  const digests = ACCOUNTS.flatMap((account) =>
    REGIONS.flatMap((region) => digestChain(account, region, delivered.filter((f) => f.account === account && f.region === region).map(digested))),
  );

  const output: SampleFile[] = delivered.map((file) => ({ path: file.path, content: contents.get(file.path) ?? '', gzip: true }));
  output.push(...digests.map((d) => d.file), ...integrityFiles(digests));
  output.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    files: output,
    manifest: {
      seed,
      logFiles: delivered.length,
      records: delivered.reduce((sum, file) => sum + file.records.length, 0),
      duplicate: { original: original.path, copy: copy.path, records: original.records.length },
      digests: digests.length,
      scenarios: SCENARIOS.map((entry) => ({ id: entry.id, kind: entry.kind, count: entry.count, expected: entry.expected ?? null })),
    },
  };
}

/** The demo archive's files, sorted by path; byte-for-byte the same for the same seed. */
export function generateSampleArchive(options: { seed?: number } = {}): SampleFile[] {
  return buildSampleArchive(options).files;
}
