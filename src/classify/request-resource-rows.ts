// One row per service (and, where the parameter means different things, per group of events): how
// its requestParameters name the resource an IAM policy sees. Each row carries an example a test runs.
import { at, field } from './coerce.js';
import type { SourceId } from './table-sources.js';

export interface ArnContext {
  partition: string;
  region: string; // awsRegion of the record ('' when absent)
  account: string; // recipientAccountId (else the caller's account; '' when neither)
  eventName: string;
}

type Params = Record<string, unknown>;

export interface RequestResourceRow {
  service: string; // IAM prefix of the event source
  events?: RegExp; // only these eventNames (all when absent)
  build: (params: Params, ctx: ArnContext) => string | null;
  /** The requestParameters paths `build` reads: the SQL path carries just these (src/sql/record-columns.ts). */
  params: readonly (readonly string[])[];
  example: { eventName: string; requestParameters: Params; expected: string };
  ref: SourceId;
}

/** A non-empty string without white space: anything else is not a name a request can carry. */
function name(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && !/\s/.test(value) ? value : null;
}

const isArn = (v: string): boolean => v.startsWith('arn:');

/** An ARN in the record's own partition, Region and account; null when one of them is unknown. */
function regional(ctx: ArnContext, service: string, rest: string): string | null {
  return ctx.region === '' || ctx.account === '' ? null : `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account}:${rest}`;
}

/** The one element of a one-element list (several resources are not one resource). */
function only(list: unknown, pick: (item: unknown) => string | null): string | null {
  return Array.isArray(list) && list.length === 1 ? pick(list[0]) : null;
}

function s3(p: Params, ctx: ArnContext): string | null {
  const bucket = name(p.bucketName);
  if (bucket === null) return null;
  const key = typeof p.key === 'string' && p.key !== '' ? p.key : null; // object keys may hold spaces
  if (isArn(bucket)) return key === null ? bucket : `${bucket}/object/${key}`; // an access point
  return key === null ? `arn:${ctx.partition}:s3:::${bucket}` : `arn:${ctx.partition}:s3:::${bucket}/${key}`;
}

function kms(p: Params, ctx: ArnContext): string | null {
  const id = name(p.keyId);
  if (id === null) return null;
  if (isArn(id)) return id;
  return regional(ctx, 'kms', id.startsWith('alias/') ? id : `key/${id}`);
}

function lambda(p: Params, ctx: ArnContext): string | null {
  const fn = name(p.functionName);
  if (fn === null) return null;
  if (isArn(fn)) return fn;
  const partial = /^(\d{12}):function:(.+)$/.exec(fn); // 123456789012:function:name[:qualifier]
  if (partial !== null) return ctx.region === '' ? null : `arn:${ctx.partition}:lambda:${ctx.region}:${partial[1]}:function:${partial[2]}`;
  return regional(ctx, 'lambda', `function:${fn}`);
}

function ssmParameter(value: unknown, ctx: ArnContext): string | null {
  const n = name(value);
  if (n === null) return null;
  return isArn(n) ? n : regional(ctx, 'ssm', `parameter/${n.replace(/^\//, '')}`);
}

function dynamodbTable(value: unknown, ctx: ArnContext): string | null {
  const n = name(value);
  if (n === null) return null;
  return isArn(n) ? n : regional(ctx, 'dynamodb', `table/${n}`);
}

// https://sqs.us-east-1.amazonaws.com/111122223333/q, https://us-east-1.queue.amazonaws.com/…, https://queue.amazonaws.com/…
const QUEUE_URL = /^https?:\/\/(?:sqs\.(?<r1>[a-z0-9-]+)|(?<r2>[a-z0-9-]+)\.queue|queue)\.amazonaws\.com(?:\.cn)?\/(?<account>\d{12})\/(?<queue>[^/?#\s]+)$/;

function sqs(p: Params, ctx: ArnContext): string | null {
  const url = name(p.queueUrl);
  if (url !== null) {
    const g = QUEUE_URL.exec(url)?.groups;
    if (g === undefined) return null;
    const region = g.r1 ?? g.r2 ?? 'us-east-1'; // queue.amazonaws.com is us-east-1's legacy endpoint
    return `arn:${ctx.partition}:sqs:${region}:${g.account}:${g.queue}`;
  }
  const queue = name(p.queueName);
  return queue === null ? null : regional(ctx, 'sqs', queue);
}

function ec2Instance(p: Params, ctx: ArnContext): string | null {
  const id = name(p.instanceId) ?? only(at(p, 'instancesSet', 'items'), (item) => name(field(item, 'instanceId')));
  return id === null || !/^i-[0-9a-f]+$/.test(id) ? null : regional(ctx, 'ec2', `instance/${id}`);
}

function iamPath(p: Params, kind: string, n: unknown, ctx: ArnContext): string | null {
  const given = name(n);
  const path = p.path === undefined ? '/' : name(p.path); // the API's default path is "/"
  if (given === null || path === null || ctx.account === '') return null;
  return `arn:${ctx.partition}:iam::${ctx.account}:${kind}${path}${given}`;
}

// prettier-ignore
export const REQUEST_RESOURCES: readonly RequestResourceRow[] = [
  { service: 's3', build: s3, params: [['bucketName'], ['key']], ref: 'arnFormats', example: { eventName: 'HeadObject', requestParameters: { bucketName: 'media', key: 'in/a b.jpg' }, expected: 'arn:aws:s3:::media/in/a b.jpg' } },
  { service: 'kms', build: kms, params: [['keyId']], ref: 'arnFormats', example: { eventName: 'GenerateDataKey', requestParameters: { keyId: 'alias/app' }, expected: 'arn:aws:kms:us-east-1:111122223333:alias/app' } },
  { service: 'lambda', build: lambda, params: [['functionName']], ref: 'arnFormats', example: { eventName: 'GetFunction20150331v2', requestParameters: { functionName: 'thumbnailer' }, expected: 'arn:aws:lambda:us-east-1:111122223333:function:thumbnailer' } },
  // only an ARN: a secret's ARN ends in a random suffix its name does not carry
  { service: 'secretsmanager', build: (p) => { const id = name(p.secretId); return id !== null && isArn(id) ? id : null; }, params: [['secretId']], ref: 'arnFormats', example: { eventName: 'GetSecretValue', requestParameters: { secretId: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' }, expected: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' } },
  { service: 'ssm', events: /^GetParametersByPath$/, build: (p, c) => ssmParameter(p.path, c), params: [['path']], ref: 'arnFormats', example: { eventName: 'GetParametersByPath', requestParameters: { path: '/app/prod' }, expected: 'arn:aws:ssm:us-east-1:111122223333:parameter/app/prod' } },
  { service: 'ssm', events: /Parameters?(?:History)?$|^LabelParameterVersion$/, build: (p, c) => ssmParameter(p.name, c) ?? only(p.names, (n) => ssmParameter(n, c)), params: [['name'], ['names']], ref: 'arnFormats', example: { eventName: 'GetParameter', requestParameters: { name: '/app/db-url', withDecryption: true }, expected: 'arn:aws:ssm:us-east-1:111122223333:parameter/app/db-url' } },
  { service: 'dynamodb', build: (p, c) => dynamodbTable(p.tableName, c), params: [['tableName']], ref: 'arnFormats', example: { eventName: 'DescribeTable', requestParameters: { tableName: 'Orders' }, expected: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' } },
  { service: 'sqs', build: sqs, params: [['queueUrl'], ['queueName']], ref: 'arnFormats', example: { eventName: 'SendMessage', requestParameters: { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/444455556666/jobs' }, expected: 'arn:aws:sqs:eu-west-1:444455556666:jobs' } },
  { service: 'sns', events: /^CreateTopic$/, build: (p, c) => { const n = name(p.name); return n === null ? null : regional(c, 'sns', n); }, params: [['name']], ref: 'arnFormats', example: { eventName: 'CreateTopic', requestParameters: { name: 'alerts' }, expected: 'arn:aws:sns:us-east-1:111122223333:alerts' } },
  { service: 'sns', build: (p) => { const arn = name(p.topicArn) ?? name(p.targetArn); return arn !== null && isArn(arn) ? arn : null; }, params: [['topicArn'], ['targetArn']], ref: 'arnFormats', example: { eventName: 'Publish', requestParameters: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' }, expected: 'arn:aws:sns:us-east-1:111122223333:alerts' } },
  { service: 'ec2', build: ec2Instance, params: [['instanceId'], ['instancesSet', 'items']], ref: 'arnFormats', example: { eventName: 'GetPasswordData', requestParameters: { instanceId: 'i-0abc123def4567890' }, expected: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc123def4567890' } },
  { service: 'cloudtrail', build: (p, c) => { const n = name(p.name) ?? name(p.trailName); return n === null ? null : isArn(n) ? n : regional(c, 'cloudtrail', `trail/${n}`); }, params: [['name'], ['trailName']], ref: 'arnFormats', example: { eventName: 'StopLogging', requestParameters: { name: 'org-trail' }, expected: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail' } },
  { service: 'sts', events: /^AssumeRole/, build: (p) => { const arn = name(p.roleArn); return arn !== null && isArn(arn) ? arn : null; }, params: [['roleArn']], ref: 'arnFormats', example: { eventName: 'AssumeRole', requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/Deploy', roleSessionName: 'ci' }, expected: 'arn:aws:iam::444455556666:role/Deploy' } },
  // IAM: a role, user or group is named with its path only when it is created; a policy by its ARN
  { service: 'iam', events: /^CreateRole$/, build: (p, c) => iamPath(p, 'role', p.roleName, c), params: [['roleName'], ['path']], ref: 'arnFormats', example: { eventName: 'CreateRole', requestParameters: { roleName: 'etl', path: '/data/' }, expected: 'arn:aws:iam::111122223333:role/data/etl' } },
  { service: 'iam', events: /^CreateUser$/, build: (p, c) => iamPath(p, 'user', p.userName, c), params: [['userName'], ['path']], ref: 'arnFormats', example: { eventName: 'CreateUser', requestParameters: { userName: 'bob' }, expected: 'arn:aws:iam::111122223333:user/bob' } },
  { service: 'iam', events: /^CreatePolicy$/, build: (p, c) => iamPath(p, 'policy', p.policyName, c), params: [['policyName'], ['path']], ref: 'arnFormats', example: { eventName: 'CreatePolicy', requestParameters: { policyName: 'DenyAll' }, expected: 'arn:aws:iam::111122223333:policy/DenyAll' } },
  { service: 'iam', events: /^(?:GetPolicy|DeletePolicy|CreatePolicyVersion|DeletePolicyVersion|GetPolicyVersion|ListPolicyVersions|SetDefaultPolicyVersion|TagPolicy|UntagPolicy|ListPolicyTags|ListEntitiesForPolicy)$/, build: (p) => { const arn = name(p.policyArn); return arn !== null && isArn(arn) ? arn : null; }, params: [['policyArn']], ref: 'arnFormats', example: { eventName: 'CreatePolicyVersion', requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/Boundary', setAsDefault: true }, expected: 'arn:aws:iam::111122223333:policy/Boundary' } },
];

/** Every requestParameters path some row reads, each once, in a stable order. */
export const REQUEST_PARAMETER_PATHS: readonly (readonly string[])[] = [
  ...new Map(REQUEST_RESOURCES.flatMap((r) => r.params).map((path) => [path.join('.'), path])).values(),
];
