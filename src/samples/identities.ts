// userIdentity blocks in the shapes CloudTrail logs for each identity type.
import type { Actor } from './actors.js';
import { ipInRange, isoSeconds, sessionAccessKey, stableId } from './ids.js';
import type { JsonObject } from './json.js';
import type { Prng } from './prng.js';

/** The ARN AWS names in an error message for this caller. */
export function callerArn(actor: Actor): string {
  switch (actor.type) {
    case 'IAMUser':
      return `arn:aws:iam::${actor.account}:user/${actor.name}`;
    case 'AssumedRole':
      return `arn:aws:sts::${actor.account}:assumed-role/${actor.name}/${actor.session ?? actor.name}`;
    case 'Root':
      return `arn:aws:iam::${actor.account}:root`;
    case 'FederatedUser':
      return `arn:aws:sts::${actor.account}:federated-user/${actor.name}`;
    case 'AWSAccount':
      return `arn:aws:iam::${actor.account}:root`;
    case 'WebIdentityUser':
    case 'SAMLUser':
      return actor.name;
    case 'AWSService':
      return actor.name;
  }
}

export function roleArn(actor: Actor): string {
  return `arn:aws:iam::${actor.account}:role${actor.rolePath ?? '/'}${actor.name}`;
}

function sessionAttributes(actor: Actor, creationMs: number): JsonObject {
  return { creationDate: isoSeconds(creationMs), mfaAuthenticated: actor.mfa ? 'true' : 'false' };
}

/** The userIdentity of one call made at `eventMs`; temporary credentials are fresh per call. */
export function userIdentity(actor: Actor, rng: Prng, eventMs: number): JsonObject {
  const creationMs = eventMs - rng.int(60, 3_000) * 1000;
  switch (actor.type) {
    case 'IAMUser': {
      const identity: JsonObject = {
        type: 'IAMUser',
        principalId: stableId('AIDA', `${actor.account}/${actor.name}`),
        arn: callerArn(actor),
        accountId: actor.account,
        accessKeyId: actor.console ? sessionAccessKey(rng) : stableId('AKIA', `key/${actor.account}/${actor.name}`, 16),
        userName: actor.name,
      };
      if (actor.console) identity.sessionContext = { sessionIssuer: {}, webIdFederationData: {}, attributes: sessionAttributes(actor, creationMs) };
      return identity;
    }
    case 'AssumedRole': {
      const roleId = stableId('AROA', `${actor.account}/${actor.name}`);
      const context: JsonObject = {
        sessionIssuer: { type: 'Role', principalId: roleId, arn: roleArn(actor), accountId: actor.account, userName: actor.name },
        webIdFederationData: actor.webIdentityProvider
          ? { federatedProvider: `arn:aws:iam::${actor.account}:oidc-provider/${actor.webIdentityProvider}`, attributes: {} }
          : {},
        attributes: sessionAttributes(actor, creationMs),
      };
      if (actor.ec2Instance) context.ec2RoleDelivery = '2.0';
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${actor.session ?? actor.name}`,
        arn: callerArn(actor),
        accountId: actor.account,
        accessKeyId: sessionAccessKey(rng),
        sessionContext: context,
      };
    }
    case 'Root': {
      const identity: JsonObject = { type: 'Root', principalId: actor.account, arn: callerArn(actor), accountId: actor.account, accessKeyId: actor.console ? sessionAccessKey(rng) : '' };
      if (actor.console) identity.sessionContext = { sessionIssuer: {}, webIdFederationData: {}, attributes: sessionAttributes(actor, creationMs) };
      return identity;
    }
    case 'FederatedUser': {
      const issuer = actor.session ?? 'svc-reporting';
      return {
        type: 'FederatedUser',
        principalId: `${actor.account}:${actor.name}`,
        arn: callerArn(actor),
        accountId: actor.account,
        accessKeyId: sessionAccessKey(rng),
        sessionContext: {
          sessionIssuer: { type: 'IAMUser', principalId: stableId('AIDA', `${actor.account}/${issuer}`), arn: `arn:aws:iam::${actor.account}:user/${issuer}`, accountId: actor.account, userName: issuer },
          webIdFederationData: {},
          attributes: sessionAttributes(actor, creationMs),
        },
      };
    }
    case 'SAMLUser':
      return { type: 'SAMLUser', principalId: `Wj3Bq1kR0vX8mPz2TnY6sLd4FhE=:${actor.name}`, userName: actor.name, identityProvider: 'Wj3Bq1kR0vX8mPz2TnY6sLd4FhE=' };
    case 'WebIdentityUser':
      return {
        type: 'WebIdentityUser',
        principalId: `arn:aws:iam::${actor.account}:oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:${actor.name}`,
        userName: actor.name,
        identityProvider: `arn:aws:iam::${actor.account}:oidc-provider/token.actions.githubusercontent.com`,
      };
    case 'AWSService':
      return { type: 'AWSService', invokedBy: actor.name };
    case 'AWSAccount':
      return { type: 'AWSAccount', principalId: stableId('AIDA', `${actor.account}/${actor.name}`), accountId: actor.account };
  }
}

export function sourceIp(actor: Actor, rng: Prng): string {
  return /^\d/.test(actor.ip) ? ipInRange(rng, actor.ip) : actor.ip;
}

export function userAgent(actor: Actor, rng: Prng): string {
  return rng.pick(actor.userAgents);
}
