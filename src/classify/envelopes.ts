// Outer layers AWS wraps around the sentence that says why: peeled off in this order, each leaving
// `inner` for the next layer and finally for the sentence table.
import type { PatternRow } from './message-types.js';

// prettier-ignore
export const ENVELOPES: readonly PatternRow[] = [
  {
    // Newest suffix (2025): a console link plus an id for GetRequestAuthorizationDetails. The id is
    // worth keeping: the API returns the full evaluation, including which statement denied.
    id: 'authorization-id-suffix',
    regex: /^(?<inner>[\s\S]*?)(?:\.\s*|\s+)Go to (?<url>https?:\/\/\S*)(?<tail>[\s\S]*)$/,
    example:
      'User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/web with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/DenyProfiles. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/a1b2c3d4e5f6 for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: a1b2c3d4e5f6',
    derive: (g) => {
      const fromTail = /authorization id:\s*(?<id>[A-Za-z0-9_-]+)/.exec(g.tail ?? '')?.groups?.id;
      // The link carries the same id; trust it only when the sentence after it survived (not cut).
      const linkComplete = /^\s+for complete details/.test(g.tail ?? '');
      const fromUrl = linkComplete ? /authorization-details\/(?<id>[A-Za-z0-9_-]+)/.exec(g.url ?? '')?.groups?.id : undefined;
      const id = fromTail ?? fromUrl;
      return id === undefined ? {} : { hints: ['authorization-id'], authorizationId: id };
    },
  },
  {
    // EC2 (and a few others) append an opaque blob that only `aws sts decode-authorization-message` reads.
    id: 'encoded-message-suffix',
    regex: /^(?<inner>[\s\S]*?)\s*Encoded authorization failure message:\s*(?<blob>[\s\S]*)$/,
    example:
      'You are not authorized to perform this operation. Encoded authorization failure message: 4GIOHlTkIaWHQD0Q0m6XSnuUMCm-abcdefghijklmnopqrstuvwxyz0123456789',
    hints: ['encoded-message'],
  },
  {
    id: 'ec2-not-authorized-prefix',
    regex: /^You are not authorized to perform this operation\.?\s*(?<inner>[\s\S]*)$/,
    example: 'You are not authorized to perform this operation.',
    service: 'ec2',
  },
];
