// Shapes shared by the message grammar tables and the parser. Local to classify.
import type { Category, DenyKind, Hint, PolicyType } from '../types.js';

/** What one table row contributes when it matches; later layers override earlier ones field by field. */
export interface Contribution {
  category?: Category; // forces the category whatever the error code says (e.g. billing access → account)
  denyKind?: DenyKind;
  policyType?: PolicyType;
  hints?: Hint[];
  service?: string; // service prefix implied by the wording, for actions taken from an operation name
  impliedCode?: string; // error code implied by the wording, used by `explain` when none is given
  action?: string;
  actions?: string[]; // messages that name several actions: all of them, the main one first
  policyArn?: string;
  authorizationId?: string;
}

export interface Groups {
  [name: string]: string | undefined;
}

export interface PatternRow extends Contribution {
  id: string;
  regex: RegExp;
  example: string; // a real-shaped message this row must match (run by a test)
  /** Sentence rows whose reason clause is parsed by the reason table. */
  hasReason?: boolean;
  /** Derives extra fields from the named groups. */
  derive?: (groups: Groups) => Contribution;
}

/** The result of reading an errorMessage on its own. */
export interface ParsedMessage {
  recognized: boolean;
  matched: string[]; // ids of every table row that took part, outermost first
  category: Category | null; // only when the wording forces one
  denyKind: DenyKind;
  policyType: PolicyType;
  policyArn: string | null;
  action: string | null; // 'svc:Action', the prefix as written (SNS:Publish)
  actions: string[]; // every action the message names, `action` first ([] when it names none)
  resource: string | null;
  principal: string | null; // the principal the message names (ARN or service name)
  authorizationId: string | null;
  hints: Hint[];
  service: string | null;
  impliedCode: string | null;
  /** From the wrapper around the sentence (wrappers.ts): the code, operation and SDK service it names. */
  wrapperCode: string | null;
  operation: string | null;
  sdkService: string | null; // as the SDK printed it ('Amazon S3', 'IAM')
}
