// One CloudTrail record from a call description, with the fields in the order CloudTrail writes them.
import type { Actor } from './actors.js';
import { isoSeconds, s3RequestId, uuid } from './ids.js';
import { sourceIp, userAgent, userIdentity } from './identities.js';
import type { JsonObject, JsonValue } from './json.js';
import type { Prng } from './prng.js';

/** A CloudTrail record as generated here: plain JSON, assignable to `RawRecord`. */
export type CloudTrailRecord = JsonObject;

export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleSignIn' | 'AwsVpceEvent';
export type EventCategory = 'Management' | 'Data' | 'NetworkActivity';

/** What was called and what came back; identity, time and IDs come from the context. */
export interface CallSpec {
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  requestParameters?: JsonObject | null;
  responseElements?: JsonObject | null;
  additionalEventData?: JsonObject;
  resources?: JsonObject[];
  errorCode?: string;
  errorMessage?: string;
  eventType?: EventType;
  eventCategory?: EventCategory;
  vpcEndpointId?: string;
  vpcEndpointAccountId?: string;
  /** TLS host header; defaults to the service's regional endpoint. */
  host?: string;
  requestId?: 's3' | 'uuid' | 'none';
  eventVersion?: string;
  apiVersion?: string;
  /** Overrides the actor's IP (network activity events log the private address, for example). */
  sourceIPAddress?: string;
  /** Calls made across accounts or by a service on the account's behalf carry a sharedEventID. */
  shared?: boolean;
  /** Replaces the actor's userIdentity (failed sign-ins log a reduced one). */
  userIdentity?: JsonObject;
}

export interface CallContext {
  actor: Actor;
  /** The account whose trail logs the call (recipientAccountId). */
  recipient: string;
  region: string;
  eventMs: number;
}

const FIELD_ORDER = [
  'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress',
  'userAgent', 'errorCode', 'errorMessage', 'requestParameters', 'responseElements', 'additionalEventData',
  'requestID', 'eventID', 'readOnly', 'resources', 'eventType', 'apiVersion', 'managementEvent',
  'recipientAccountId', 'sharedEventID', 'vpcEndpointId', 'vpcEndpointAccountId', 'eventCategory',
  'tlsDetails', 'sessionCredentialFromConsole',
] as const;

type Field = (typeof FIELD_ORDER)[number];

function ordered(fields: Partial<Record<Field, JsonValue | undefined>>): CloudTrailRecord {
  const record: CloudTrailRecord = {};
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value !== undefined) record[key] = value;
  }
  return record;
}

function defaultHost(eventSource: string, region: string): string {
  const service = eventSource.replace(/\.amazonaws\.com$/, '');
  if (service === 'iam') return 'iam.amazonaws.com';
  if (service === 'signin') return 'signin.aws.amazon.com';
  return `${service}.${region}.amazonaws.com`;
}

export function buildRecord(spec: CallSpec, context: CallContext, rng: Prng): CloudTrailRecord {
  const { actor } = context;
  const byService = actor.type === 'AWSService';
  const category = spec.eventCategory ?? 'Management';
  const requestKind = spec.requestId ?? (spec.eventSource === 's3.amazonaws.com' ? 's3' : 'uuid');
  const identity = spec.userIdentity ?? userIdentity(actor, rng, context.eventMs);
  const tls: JsonObject | undefined = byService || spec.eventType === 'AwsVpceEvent'
    ? undefined
    : rng.chance(0.8)
      ? { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: spec.host ?? defaultHost(spec.eventSource, context.region) }
      : { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256', clientProvidedHostHeader: spec.host ?? defaultHost(spec.eventSource, context.region) };
  const crossAccount = actor.account !== context.recipient;
  return ordered({
    eventVersion: spec.eventVersion ?? (category === 'Management' && !actor.console ? '1.09' : '1.10'),
    userIdentity: identity,
    eventTime: isoSeconds(context.eventMs),
    eventSource: spec.eventSource,
    eventName: spec.eventName,
    awsRegion: context.region,
    sourceIPAddress: spec.sourceIPAddress ?? sourceIp(actor, rng),
    userAgent: userAgent(actor, rng),
    errorCode: spec.errorCode,
    errorMessage: spec.errorMessage,
    requestParameters: spec.requestParameters === undefined ? null : spec.requestParameters,
    responseElements: spec.responseElements === undefined ? null : spec.responseElements,
    additionalEventData: spec.additionalEventData,
    requestID: requestKind === 'none' ? undefined : requestKind === 's3' ? s3RequestId(rng) : uuid(rng),
    eventID: uuid(rng),
    readOnly: spec.readOnly,
    resources: spec.resources,
    eventType: spec.eventType ?? 'AwsApiCall',
    apiVersion: spec.apiVersion,
    managementEvent: category === 'Management',
    recipientAccountId: context.recipient,
    sharedEventID: spec.shared || crossAccount ? uuid(rng) : undefined,
    vpcEndpointId: spec.vpcEndpointId,
    vpcEndpointAccountId: spec.vpcEndpointAccountId,
    eventCategory: category,
    tlsDetails: tls,
    sessionCredentialFromConsole: actor.console && actor.type !== 'SAMLUser' && spec.eventType !== 'AwsConsoleSignIn' ? 'true' : undefined,
  });
}
