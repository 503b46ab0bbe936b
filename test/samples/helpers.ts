import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SampleFile } from '../../src/samples/index.js';

export const LOG_PATH =
  /^AWSLogs\/(o-[a-z0-9]{10})\/(\d{12})\/CloudTrail\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail_([a-z]{2}-[a-z]+-\d)_(\d{8})T(\d{2})(\d{2})Z_[A-Za-z0-9]{16}\.json\.gz$/;

export const DIGEST_PATH =
  /^AWSLogs\/o-[a-z0-9]{10}\/(\d{12})\/CloudTrail-Digest\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail-Digest_([a-z]{2}-[a-z]+-\d)_org-trail_us-east-1_(\d{8})T(\d{6})Z\.json\.gz$/;

export function archiveHash(files: readonly SampleFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\n${file.gzip}\n${file.content}\n`);
  return hash.digest('hex');
}

export function gzippedBytes(files: readonly SampleFile[]): number {
  return files.reduce((sum, file) => sum + (file.gzip ? gzipSync(file.content).length : Buffer.byteLength(file.content)), 0);
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordsOf(file: SampleFile): Json[] {
  const parsed: unknown = JSON.parse(file.content);
  if (!isObject(parsed) || !Array.isArray(parsed.Records)) throw new Error(`${file.path} has no Records array`);
  return parsed.Records.filter(isObject);
}

export function str(record: Json, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}
