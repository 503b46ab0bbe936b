// eventSource → IAM service prefix, for the event sources whose prefix is not the host's first label
// (monitoring.amazonaws.com → cloudwatch). Every other source keeps its first label (ec2, s3, kms, …).
import type { SourceId } from './table-sources.js';

export interface EventSourceRow {
  source: string; // eventSource as CloudTrail writes it
  prefix: string; // the IAM service prefix its actions use
  ref: SourceId;
}

// prettier-ignore
export const EVENT_SOURCE_PREFIXES: readonly EventSourceRow[] = [
  { source: 'monitoring.amazonaws.com', prefix: 'cloudwatch', ref: 'iamDatasetCloudTrail' },
  { source: 'tagging.amazonaws.com', prefix: 'tag', ref: 'iamDatasetCloudTrail' },
  { source: 'cloudcontrolapi.amazonaws.com', prefix: 'cloudformation', ref: 'iamDatasetCloudTrail' },
  { source: 'streams.dynamodb.amazonaws.com', prefix: 'dynamodb', ref: 'trailScraper' },
  { source: 'email.amazonaws.com', prefix: 'ses', ref: 'sesCloudTrail' },
  { source: 'amazonmq.amazonaws.com', prefix: 'mq', ref: 'iamDatasetCloudTrail' },
  { source: 'application-insights.amazonaws.com', prefix: 'applicationinsights', ref: 'iamDatasetCloudTrail' },
  { source: 'billingconsole.amazonaws.com', prefix: 'billing', ref: 'iamDatasetCloudTrail' },
  { source: 'chime-sdk-media-pipelines.amazonaws.com', prefix: 'chime', ref: 'iamDatasetCloudTrail' },
  { source: 'chime-sdk-voice.amazonaws.com', prefix: 'chime', ref: 'iamDatasetCloudTrail' },
  { source: 'contact-lens.amazonaws.com', prefix: 'connect', ref: 'iamDatasetCloudTrail' },
  { source: 'participant-connect.amazonaws.com', prefix: 'connect', ref: 'iamDatasetCloudTrail' },
  { source: 'agreement-marketplace.amazonaws.com', prefix: 'aws-marketplace', ref: 'iamDatasetCloudTrail' },
  { source: 'discovery-marketplace.amazonaws.com', prefix: 'aws-marketplace', ref: 'iamDatasetCloudTrail' },
  { source: 'marketplacecatalog.amazonaws.com', prefix: 'aws-marketplace', ref: 'iamDatasetCloudTrail' },
  { source: 'reporting-marketplace.amazonaws.com', prefix: 'aws-marketplace', ref: 'iamDatasetCloudTrail' },
  { source: 'management-marketplace.amazonaws.com', prefix: 'aws-marketplace-management', ref: 'iamDatasetCloudTrail' },
  { source: 'migrationhub.amazonaws.com', prefix: 'mgh', ref: 'iamDatasetCloudTrail' },
  { source: 'opensearchservice.amazonaws.com', prefix: 'es', ref: 'iamDatasetCloudTrail' },
  { source: 'pinpoint.amazonaws.com', prefix: 'mobiletargeting', ref: 'iamDatasetCloudTrail' },
  { source: 'pricelist.amazonaws.com', prefix: 'pricing', ref: 'iamDatasetCloudTrail' },
  { source: 'qconnect.amazonaws.com', prefix: 'wisdom', ref: 'iamDatasetCloudTrail' },
  { source: 'rdsdata.amazonaws.com', prefix: 'rds-data', ref: 'iamDatasetCloudTrail' },
  { source: 'servicecatalog-appregistry.amazonaws.com', prefix: 'servicecatalog', ref: 'iamDatasetCloudTrail' },
  { source: 'taxconsole.amazonaws.com', prefix: 'tax', ref: 'iamDatasetCloudTrail' },
  { source: 'transcribestreaming.amazonaws.com', prefix: 'transcribe', ref: 'iamDatasetCloudTrail' },
  { source: 'appstream2.amazonaws.com', prefix: 'appstream', ref: 'trailScraper' },
  { source: 'models.lex.amazonaws.com', prefix: 'lex', ref: 'trailScraper' },
  { source: 'runtime.lex.amazonaws.com', prefix: 'lex', ref: 'trailScraper' },
  { source: 'mturk-requester.amazonaws.com', prefix: 'mechanicalturk', ref: 'trailScraper' },
];

const BY_SOURCE: ReadonlyMap<string, string> = new Map(EVENT_SOURCE_PREFIXES.map((r) => [r.source, r.prefix]));

/** 'monitoring.amazonaws.com' → 'cloudwatch'; 'EC2.amazonaws.com' → 'ec2'; '' → ''. */
export function servicePrefix(eventSource: string): string {
  const source = eventSource.trim().toLowerCase();
  const mapped = BY_SOURCE.get(source);
  if (mapped !== undefined) return mapped;
  const dot = source.indexOf('.');
  return dot < 0 ? source : source.slice(0, dot);
}

// The eventSource a service's own calls are logged under, where it is not <prefix>.amazonaws.com: used
// when `explain` knows only the prefix (from an SDK's service name or the operation).
const PRIMARY_SOURCE: ReadonlyMap<string, string> = new Map([
  ['cloudwatch', 'monitoring.amazonaws.com'],
  ['tag', 'tagging.amazonaws.com'],
  ['mobiletargeting', 'pinpoint.amazonaws.com'],
  ['rds-data', 'rdsdata.amazonaws.com'],
  ['mq', 'amazonmq.amazonaws.com'],
  ['pricing', 'pricelist.amazonaws.com'],
  ['wisdom', 'qconnect.amazonaws.com'],
  ['mgh', 'migrationhub.amazonaws.com'],
  ['applicationinsights', 'application-insights.amazonaws.com'],
]);

export function eventSourceOf(prefix: string): string {
  return prefix === '' ? '' : (PRIMARY_SOURCE.get(prefix) ?? `${prefix}.amazonaws.com`);
}
