// The event → IAM action table outside S3 (event-actions-s3.ts): renamed operations of Lambda, KMS,
// DynamoDB, Glue, Budgets; the API version some services append to event names; API Gateway, whose
// actions are HTTP verbs. An operation no row names is its own action.
import type { ActionRuleRow, EventActionRow, VersionSuffixRow } from './event-action-types.js';
import { S3_EVENT_ACTIONS } from './event-actions-s3.js';

const rows = (service: string, ref: EventActionRow['ref'], entries: [string, string[]][]): EventActionRow[] =>
  entries.map(([event, actions]) => ({ service, event, actions, ref }));

// prettier-ignore
const BUDGET_WRITES = ['CreateBudget', 'CreateNotification', 'CreateSubscriber', 'DeleteBudget', 'DeleteNotification', 'DeleteSubscriber', 'UpdateBudget', 'UpdateNotification', 'UpdateSubscriber'];
// prettier-ignore
const BUDGET_READS = ['DescribeBudget', 'DescribeBudgetPerformanceHistory', 'DescribeBudgets', 'DescribeNotificationsForBudget', 'DescribeSubscribersForNotification'];

// prettier-ignore
export const EVENT_ACTIONS: readonly EventActionRow[] = [
  ...S3_EVENT_ACTIONS,
  ...rows('lambda', 'iamDatasetMethods', [
    ['Invoke', ['lambda:InvokeFunction']],
    ['GetLayerVersionByArn', ['lambda:GetLayerVersion']],
  ]),
  // InvokeWithResponseStream is authorised by lambda:InvokeFunction (Lambda API reference)
  ...rows('lambda', 'authReference', [['InvokeWithResponseStream', ['lambda:InvokeFunction']]]),
  // one ReEncrypt needs both; the key refused is not in the event name
  ...rows('kms', 'iamDatasetMethods', [['ReEncrypt', ['kms:ReEncryptFrom', 'kms:ReEncryptTo']]]),
  ...rows('dynamodb', 'iamDatasetMethods', [['TransactGetItems', ['dynamodb:GetItem']]]),
  // Bedrock's Converse API is authorised by the InvokeModel actions (Bedrock API reference, Converse)
  ...rows('bedrock', 'authReference', [
    ['Converse', ['bedrock:InvokeModel']],
    ['ConverseStream', ['bedrock:InvokeModelWithResponseStream']],
  ]),
  ...rows('glue', 'iamDatasetMethods', [
    ['BatchUpdatePartition', ['glue:UpdatePartition']],
    ['CreatePartitionIndex', ['glue:UpdateTable']],
    ['DeletePartitionIndex', ['glue:UpdateTable']],
    ['DeleteColumnStatisticsForPartition', ['glue:UpdatePartition']],
    ['DeleteColumnStatisticsForTable', ['glue:UpdateTable']],
    ['GetColumnStatisticsForPartition', ['glue:GetPartition']],
    ['GetColumnStatisticsForTable', ['glue:GetTable']],
    ['GetPartitionIndexes', ['glue:GetTable']],
  ]),
  ...rows('budgets', 'iamDatasetMethods', [
    ...BUDGET_WRITES.map((e): [string, string[]] => [e, ['budgets:ModifyBudget']]),
    ...BUDGET_READS.map((e): [string, string[]] => [e, ['budgets:ViewBudget']]),
  ]),
];

// prettier-ignore
export const VERSION_SUFFIXES: readonly VersionSuffixRow[] = [
  { service: 'lambda', suffix: /\d{8}(?:v\d+)?$/, example: 'GetFunction20150331v2', ref: 'lambdaCloudTrail' },
  { service: 'cloudfront', suffix: /\d{4}_\d{2}_\d{2}$/, example: 'UpdateDistribution2020_05_31', ref: 'cloudFrontCloudTrail' },
];

// API Gateway's management API: the action is the HTTP method the operation uses, which its name says
// for these verbs (v1 and v2 alike); other verbs (Import, Tag, Flush, …) differ and are left alone.
// prettier-ignore
export const ACTION_RULES: readonly ActionRuleRow[] = [
  { service: 'apigateway', pattern: /^Get[A-Z]/, action: 'apigateway:GET', example: 'GetRestApis', ref: 'apiGatewayIam' },
  { service: 'apigateway', pattern: /^Create[A-Z]/, action: 'apigateway:POST', example: 'CreateDeployment', ref: 'apiGatewayIam' },
  { service: 'apigateway', pattern: /^Update[A-Z]/, action: 'apigateway:PATCH', example: 'UpdateStage', ref: 'apiGatewayIam' },
  { service: 'apigateway', pattern: /^Delete[A-Z]/, action: 'apigateway:DELETE', example: 'DeleteRestApi', ref: 'apiGatewayIam' },
  { service: 'apigateway', pattern: /^Put[A-Z]/, action: 'apigateway:PUT', example: 'PutIntegration', ref: 'apiGatewayIam' },
];
