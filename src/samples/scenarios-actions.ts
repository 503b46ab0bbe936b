// Denials whose message names no action (or names its own API version), so the report must take the
// IAM action from the event → IAM action table and the resource from the request (issue 15): S3 HEAD
// and multipart uploads, Lambda's versioned event names, CloudWatch under monitoring.amazonaws.com, and
// a Bedrock call that lists the actions it lacked. (An EC2 instance named only in the request is the
// intrusion story's GetPasswordData: scenarios-intrusion.ts.)
import { S3_ACCESS_DENIED } from './denial-messages.js';
import { hex, uuid } from './ids.js';
import { callerArn } from './identities.js';
import type { Scenario } from './scenario-types.js';
import { s3Extra, s3ObjectResources } from './success-calls.js';
import { BUCKETS, DEV_ACCOUNT, PROD_ACCOUNT } from './world.js';

const UNSPECIFIED = { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified' } as const;
const AUTH = { category: 'authentication', denyKind: 'unspecified', policyType: 'unspecified' } as const;

export const ACTION_SCENARIOS: readonly Scenario[] = [
  {
    // aws s3 cp first sends HEAD: logged as HeadObject, authorised as s3:GetObject
    id: 's3-head-object-denied', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'external-partner',
    expected: { ...UNSPECIFIED, hints: ['cross-account'] },
    build: (rng, c) => {
      const key = `releases/payments-api/${hex(rng, 8)}.tar.gz`;
      const host = `${BUCKETS.artifacts}.s3.${c.region}.amazonaws.com`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'HeadObject', readOnly: true, eventCategory: 'Data', errorCode: 'AccessDenied', errorMessage: S3_ACCESS_DENIED,
        requestParameters: { bucketName: BUCKETS.artifacts, Host: host, key }, additionalEventData: s3Extra(rng, 0, 0),
        resources: s3ObjectResources(c.recipient, BUCKETS.artifacts, key), host,
      };
    },
  },
  {
    // a large upload: CreateMultipartUpload is authorised as s3:PutObject
    id: 's3-multipart-upload-denied', kind: 'denial', count: 2, recipient: DEV_ACCOUNT, region: 'us-west-2', actor: 'dev-contractor',
    expected: UNSPECIFIED,
    build: (rng, c) => {
      const key = `exports/${hex(rng, 6)}/dump.parquet`;
      const host = `${BUCKETS.devScratch}.s3.${c.region}.amazonaws.com`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'CreateMultipartUpload', readOnly: false, eventCategory: 'Data', errorCode: 'AccessDenied', errorMessage: S3_ACCESS_DENIED,
        requestParameters: { bucketName: BUCKETS.devScratch, Host: host, key, uploads: '' }, additionalEventData: s3Extra(rng, 0, 0),
        resources: s3ObjectResources(c.recipient, BUCKETS.devScratch, key), host,
      };
    },
  },
  {
    // Lambda logs its API version in the event name; an expired session's message names no action
    id: 'lambda-versioned-expired', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-west-2', actor: 'dev-sso-developer',
    expected: { ...AUTH, hints: ['console-session'] },
    build: () => ({
      eventSource: 'lambda.amazonaws.com', eventName: 'GetFunction20150331v2', readOnly: true, errorCode: 'ExpiredTokenException', errorMessage: 'The security token included in the request is expired',
      requestParameters: { functionName: 'thumbnailer' },
    }),
  },
  {
    // the CloudWatch agent on an instance whose role lacks cloudwatch:PutMetricData
    id: 'cloudwatch-put-metric-data', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based' },
    build: (_rng, c) => ({
      eventSource: 'monitoring.amazonaws.com', eventName: 'PutMetricData', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: `User: ${callerArn(c.actor)} is not authorized to perform: cloudwatch:PutMetricData because no identity-based policy allows the cloudwatch:PutMetricData action`,
      requestParameters: { namespace: 'CWAgent' },
    }),
  },
  {
    // a model sold through AWS Marketplace: the message lists both actions the role lacks
    id: 'bedrock-marketplace-actions', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-analytics-etl',
    expected: UNSPECIFIED,
    build: (rng) => ({
      eventSource: 'bedrock.amazonaws.com', eventName: 'ConverseStream', readOnly: true, errorCode: 'AccessDenied',
      errorMessage: 'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 2 minutes.',
      requestParameters: { modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', requestId: uuid(rng) },
    }),
  },
];
