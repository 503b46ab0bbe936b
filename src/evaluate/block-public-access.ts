// S3 Block Public Access refuses requests that would make a bucket or object public, before any policy
// is evaluated (S3 User Guide, "Blocking public access to your Amazon S3 storage"); the engine does
// not model it. A denial whose message names this layer is checked against the settings an
// iam-collect store holds (bucket bpa.json, account s3-bpa.json): a setting is on when the bucket or
// the account turns it on.
import type { Cause, CauseStatement, Denial } from '../types.js';
import type { EvalRequest } from './request-types.js';
import type { StoreIndex } from './store-index.js';
import { disagreementOf } from './cause-text.js';

const SETTINGS = /\b(BlockPublicAcls|BlockPublicPolicy|IgnorePublicAcls|RestrictPublicBuckets)\b/;

export function blockPublicAccessCause(d: Denial, r: EvalRequest, index: StoreIndex, exportedOn: string | null): Cause | null {
  if (d.policyType !== 's3-block-public-access') return null;
  const bucket = /^(arn:[^:]+:s3:::[^/]+)/.exec(r.resourceShown ?? '')?.[1] ?? null;
  const setting = SETTINGS.exec(d.message)?.[1] ?? null;
  const settings = bucket === null ? null : index.blockPublicAccess(bucket, r.resourceAccount);
  const base = { statement: null, lacking: [], supplied: [], missing: [], exportedOn, unknown: [] as string[] };
  if (settings === null || setting === null || settings[setting] === undefined) {
    const why =
      bucket === null
        ? 'the bucket is not named in the event'
        : setting === null
          ? 'the message names no Block Public Access setting'
          : `the S3 Block Public Access settings of ${bucket} and of account ${r.resourceAccount} are not in the inputs`;
    return {
      ...base,
      kind: 'undetermined',
      missing: ['s3-block-public-access'],
      unknown: [why],
      summary: `The log and the exports cannot settle it: ${why}`,
      guidance: "Supply an iam-collect store with the bucket's and the account's Block Public Access settings",
      disagreement: null,
    };
  }
  if (!settings[setting]) {
    const draft = { ...base, kind: 'allowed-now' as const, supplied: ['s3-block-public-access' as const] };
    return {
      ...draft,
      summary: `${setting} is off for ${bucket} and for account ${r.resourceAccount} in the exports: it was changed since the event`,
      guidance: 'Compare the Block Public Access settings with their state at the time of the event',
      disagreement: disagreementOf(draft, d),
    };
  }
  const statement: CauseStatement = {
    layer: 's3-block-public-access',
    policy: `S3 Block Public Access of ${bucket}`,
    attachedTo: `${bucket} or account ${r.resourceAccount}`,
    sid: setting,
    index: 1,
    text: JSON.stringify(settings, null, 2),
    marks: [JSON.stringify(setting)],
    missed: [],
    why: [`${setting} is on: ${r.action} would make ${bucket} or its objects public`],
  };
  return {
    ...base,
    kind: 'explicit-deny',
    statement,
    supplied: ['s3-block-public-access'],
    summary: `S3 Block Public Access setting ${setting} is on for ${bucket} (or its account ${r.resourceAccount}) and refuses ${r.action}`,
    guidance: `If public access is really intended, turn off ${setting} for ${bucket}; otherwise keep the request private`,
    disagreement: null,
  };
}
