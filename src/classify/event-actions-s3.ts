// Amazon S3 API operations (CloudTrail eventName) whose IAM action has another name. An operation not
// listed here is its own action (GetObject → s3:GetObject). Several actions: the first is the one a
// denial is filed under, the others may be what was refused too (a copy reads its source).
import type { EventActionRow } from './event-action-types.js';

const row = (event: string, actions: string[], ref: EventActionRow['ref'] = 's3Permissions'): EventActionRow => ({ service: 's3', event, actions, ref });

// prettier-ignore
export const S3_EVENT_ACTIONS: readonly EventActionRow[] = [
  // objects
  row('HeadObject', ['s3:GetObject']),
  row('SelectObjectContent', ['s3:GetObject'], 'iamDatasetMethods'),
  row('CopyObject', ['s3:PutObject', 's3:GetObject']),
  row('CreateMultipartUpload', ['s3:PutObject']),
  row('UploadPart', ['s3:PutObject']),
  row('UploadPartCopy', ['s3:PutObject', 's3:GetObject']),
  row('CompleteMultipartUpload', ['s3:PutObject']),
  row('ListParts', ['s3:ListMultipartUploadParts']),
  row('DeleteObjects', ['s3:DeleteObject']),
  row('GetObjectLockConfiguration', ['s3:GetBucketObjectLockConfiguration']),
  row('PutObjectLockConfiguration', ['s3:PutBucketObjectLockConfiguration']),
  row('WriteGetObjectResponse', ['s3-object-lambda:WriteGetObjectResponse']),
  // listing
  row('ListBuckets', ['s3:ListAllMyBuckets']),
  row('HeadBucket', ['s3:ListBucket']),
  row('ListObjects', ['s3:ListBucket']),
  row('ListObjectsV2', ['s3:ListBucket']),
  row('ListObjectVersions', ['s3:ListBucketVersions']),
  row('ListMultipartUploads', ['s3:ListBucketMultipartUploads']),
  // bucket sub-resources: the IAM names drop "Bucket" and say "Configuration"; a Delete is a Put
  row('GetBucketAccelerateConfiguration', ['s3:GetAccelerateConfiguration']),
  row('PutBucketAccelerateConfiguration', ['s3:PutAccelerateConfiguration']),
  row('GetBucketAnalyticsConfiguration', ['s3:GetAnalyticsConfiguration']),
  row('ListBucketAnalyticsConfigurations', ['s3:GetAnalyticsConfiguration']),
  row('PutBucketAnalyticsConfiguration', ['s3:PutAnalyticsConfiguration']),
  row('DeleteBucketAnalyticsConfiguration', ['s3:PutAnalyticsConfiguration']),
  row('GetBucketCors', ['s3:GetBucketCORS']),
  row('PutBucketCors', ['s3:PutBucketCORS']),
  row('DeleteBucketCors', ['s3:PutBucketCORS']),
  row('GetBucketEncryption', ['s3:GetEncryptionConfiguration']),
  row('PutBucketEncryption', ['s3:PutEncryptionConfiguration']),
  row('DeleteBucketEncryption', ['s3:PutEncryptionConfiguration']),
  row('GetBucketIntelligentTieringConfiguration', ['s3:GetIntelligentTieringConfiguration']),
  row('ListBucketIntelligentTieringConfigurations', ['s3:GetIntelligentTieringConfiguration']),
  row('PutBucketIntelligentTieringConfiguration', ['s3:PutIntelligentTieringConfiguration']),
  row('DeleteBucketIntelligentTieringConfiguration', ['s3:PutIntelligentTieringConfiguration']),
  row('GetBucketInventoryConfiguration', ['s3:GetInventoryConfiguration']),
  row('ListBucketInventoryConfigurations', ['s3:GetInventoryConfiguration']),
  row('PutBucketInventoryConfiguration', ['s3:PutInventoryConfiguration']),
  row('DeleteBucketInventoryConfiguration', ['s3:PutInventoryConfiguration']),
  row('GetBucketLifecycle', ['s3:GetLifecycleConfiguration']),
  row('GetBucketLifecycleConfiguration', ['s3:GetLifecycleConfiguration']),
  row('PutBucketLifecycle', ['s3:PutLifecycleConfiguration']),
  row('PutBucketLifecycleConfiguration', ['s3:PutLifecycleConfiguration']),
  row('DeleteBucketLifecycle', ['s3:PutLifecycleConfiguration']),
  row('GetBucketMetricsConfiguration', ['s3:GetMetricsConfiguration']),
  row('ListBucketMetricsConfigurations', ['s3:GetMetricsConfiguration']),
  row('PutBucketMetricsConfiguration', ['s3:PutMetricsConfiguration']),
  row('DeleteBucketMetricsConfiguration', ['s3:PutMetricsConfiguration']),
  row('GetBucketNotificationConfiguration', ['s3:GetBucketNotification']),
  row('PutBucketNotificationConfiguration', ['s3:PutBucketNotification']),
  // TrailScraper maps PutBucketReplication to DeleteReplicationConfiguration; AWS and iam-dataset say Put
  row('GetBucketReplication', ['s3:GetReplicationConfiguration']),
  row('PutBucketReplication', ['s3:PutReplicationConfiguration', 'iam:PassRole'], 'iamDatasetMethods'),
  row('DeleteBucketReplication', ['s3:PutReplicationConfiguration'], 'iamDatasetMethods'),
  row('GetPublicAccessBlock', ['s3:GetBucketPublicAccessBlock']),
  row('PutPublicAccessBlock', ['s3:PutBucketPublicAccessBlock']),
  row('DeletePublicAccessBlock', ['s3:PutBucketPublicAccessBlock']),
  row('DeleteBucketPublicAccessBlock', ['s3:PutBucketPublicAccessBlock']),
  row('DeleteBucketTagging', ['s3:PutBucketTagging']),
  row('DeleteBucketOwnershipControls', ['s3:PutBucketOwnershipControls']),
];
