// The seeded demo-archive generator and its building blocks (pure: no I/O, no clock, no unseeded randomness).
//
//   import { generateSampleArchive } from './samples/index.js';
//   const files = generateSampleArchive({ seed: 20261116 }); // the CLI gzips and writes them
export { buildSampleArchive, DEFAULT_SEED, generateSampleArchive, type SampleArchive, type SampleManifest } from './archive.js';
export { describeArchive, isDigestPath, type ArchiveDescription } from './describe-archive.js';
export { demoKey } from './demo-key.js';
export { isIntegrityPath, PUBLIC_KEYS_PATH, SIGNATURES_PATH } from './integrity-files.js';
export type { SampleFile } from './log-file.js';
export { digestFilePath, logFileContent, logFilePath } from './log-file.js';
export { createPrng, Prng, hashString } from './prng.js';
export { generateRecords, scenarioRecord, successRecord, type GenerateRecordsOptions } from './records.js';
export { buildRecord, type CallContext, type CallSpec, type CloudTrailRecord } from './record-builder.js';
export { SCENARIOS, scenario } from './scenarios.js';
export type { Expectation, Scenario } from './scenario-types.js';
export { ACTORS, actor, type Actor } from './actors.js';
export { SUCCESS_CALLS } from './success-calls.js';
export * as messages from './denial-messages.js';
export * as world from './world.js';
