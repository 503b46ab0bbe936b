// The keys CloudTrail writes, by the lower-case name the Athena table gives them (Hive's JSON SerDe
// matches keys without regard to case; DuckDB's read_json does not, so duckdb-table.ts reads the
// logs by these names). Source: AWS CloudTrail User Guide, "CloudTrail record contents for
// management, data, and network activity events"; `resources[].ARN` as CloudTrail writes it.
export const CLOUDTRAIL_KEYS: Readonly<Record<string, string>> = {
  eventversion: 'eventVersion',
  useridentity: 'userIdentity',
  principalid: 'principalId',
  accountid: 'accountId',
  invokedby: 'invokedBy',
  accesskeyid: 'accessKeyId',
  username: 'userName',
  onbehalfof: 'onBehalfOf',
  userid: 'userId',
  identitystorearn: 'identityStoreArn',
  sessioncontext: 'sessionContext',
  mfaauthenticated: 'mfaAuthenticated',
  creationdate: 'creationDate',
  sessionissuer: 'sessionIssuer',
  ec2roledelivery: 'ec2RoleDelivery',
  webidfederationdata: 'webIdFederationData',
  federatedprovider: 'federatedProvider',
  eventtime: 'eventTime',
  eventsource: 'eventSource',
  eventname: 'eventName',
  awsregion: 'awsRegion',
  sourceipaddress: 'sourceIPAddress',
  useragent: 'userAgent',
  errorcode: 'errorCode',
  errormessage: 'errorMessage',
  requestparameters: 'requestParameters',
  responseelements: 'responseElements',
  additionaleventdata: 'additionalEventData',
  requestid: 'requestID',
  eventid: 'eventID',
  readonly: 'readOnly',
  arn: 'ARN', // in resources[]; userIdentity's arn is spelt arn (see KEY_IN)
  eventtype: 'eventType',
  apiversion: 'apiVersion',
  recipientaccountid: 'recipientAccountId',
  serviceeventdetails: 'serviceEventDetails',
  sharedeventid: 'sharedEventID',
  vpcendpointid: 'vpcEndpointId',
  vpcendpointaccountid: 'vpcEndpointAccountId',
  eventcategory: 'eventCategory',
  updatedfields: 'updatedFields',
  originalrequestid: 'originalRequestID',
  originaleventid: 'originalEventID',
  sessioncredentialfromconsole: 'sessionCredentialFromConsole',
  edgedevicedetails: 'edgeDeviceDetails',
  tlsdetails: 'tlsDetails',
  tlsversion: 'tlsVersion',
  ciphersuite: 'cipherSuite',
  clientprovidedhostheader: 'clientProvidedHostHeader',
};

/** Where a field's spelling depends on the struct it is in: `arn` is lower-case everywhere but resources[]. */
export function cloudTrailKey(name: string, insideResources: boolean): string {
  if (name === 'arn' && !insideResources) return 'arn';
  return CLOUDTRAIL_KEYS[name] ?? name;
}
