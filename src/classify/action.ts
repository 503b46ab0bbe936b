// The IAM action of a call when the message names none: eventSource + eventName through the tables
// (event-sources.ts, event-actions*.ts). `s3:HeadObject` is not an IAM action; `s3:GetObject` is.
//
//   eventActions('s3.amazonaws.com', 'HeadObject')                 → ['s3:GetObject']
//   eventActions('lambda.amazonaws.com', 'GetFunction20150331v2')  → ['lambda:GetFunction']
//   eventActions('monitoring.amazonaws.com', 'PutMetricData')      → ['cloudwatch:PutMetricData']
import { field, text } from './coerce.js';
import { ACTION_RULES, EVENT_ACTIONS, VERSION_SUFFIXES } from './event-actions.js';
import { servicePrefix } from './event-sources.js';

export { servicePrefix } from './event-sources.js';

const RENAMED: ReadonlyMap<string, readonly string[]> = new Map(EVENT_ACTIONS.map((r) => [`${r.service}:${r.event}`, r.actions]));

/** The IAM actions of `operation` in the service with IAM prefix `service` ('' when it has none). */
export function operationActions(service: string, operation: string): string[] {
  let name = operation.trim();
  if (name === '') return []; // a service alone names no action
  if (service === '') return [name];
  for (const v of VERSION_SUFFIXES) {
    if (v.service !== service) continue;
    const stripped = name.replace(v.suffix, '');
    if (stripped !== '') name = stripped;
  }
  const renamed = RENAMED.get(`${service}:${name}`);
  if (renamed !== undefined) return [...renamed];
  const rule = ACTION_RULES.find((r) => r.service === service && r.pattern.test(name));
  return [rule?.action ?? `${service}:${name}`];
}

export function eventActions(eventSource: string, eventName: string): string[] {
  return operationActions(servicePrefix(eventSource), eventName);
}

export function recordActions(record: unknown): string[] {
  return eventActions(text(field(record, 'eventSource')), text(field(record, 'eventName')));
}
