// Shapes of the event → IAM action tables (local to classify).
import type { SourceId } from './table-sources.js';

/** One operation (CloudTrail eventName) of one service whose IAM action is named otherwise. */
export interface EventActionRow {
  service: string; // IAM prefix of the event source (event-sources.ts)
  event: string; // eventName, after a version suffix is dropped (version-suffix rows)
  actions: string[]; // the IAM actions, the one a denial is filed under first
  ref: SourceId;
}

/** Event names that carry the API version after the operation (Lambda's GetFunction20150331v2). */
export interface VersionSuffixRow {
  service: string;
  suffix: RegExp; // matched at the end of the eventName and dropped
  example: string; // an event name as logged, with its suffix
  ref: SourceId;
}

/** A service whose IAM actions are not the operation's name but derived from it by a rule. */
export interface ActionRuleRow {
  service: string;
  pattern: RegExp; // on the eventName
  action: string;
  example: string;
  ref: SourceId;
}
