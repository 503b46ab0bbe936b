// The resource of a refused call when the message names none, built from the record's
// requestParameters for the services where the parameters say it whole. Never more than they say:
// a Secrets Manager secret given by name has a random suffix in its ARN, and an IAM role given by
// name may have a path, so neither is built. ARN formats: the Service Authorization Reference.
//
//   requestResource({ eventSource: 's3.amazonaws.com', eventName: 'HeadObject',
//                     requestParameters: { bucketName: 'b', key: 'k' } }) → 'arn:aws:s3:::b/k'
import { at, field, text } from './coerce.js';
import { servicePrefix } from './event-sources.js';
import { REQUEST_RESOURCES, type ArnContext } from './request-resource-rows.js';

/** Partition of a Region's ARNs: cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov, else aws. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

export function requestResource(record: unknown): string | null {
  const params = field(record, 'requestParameters');
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  const service = servicePrefix(text(field(record, 'eventSource')));
  const eventName = text(field(record, 'eventName'));
  const region = text(field(record, 'awsRegion'));
  const ctx: ArnContext = {
    partition: partitionOf(region),
    region,
    account: text(field(record, 'recipientAccountId')) || text(at(record, 'userIdentity', 'accountId')),
    eventName,
  };
  for (const row of REQUEST_RESOURCES) {
    if (row.service !== service || (row.events !== undefined && !row.events.test(eventName))) continue;
    const arn = row.build(params as Record<string, unknown>, ctx);
    if (arn !== null) return arn;
  }
  return null;
}
