// The IAM action of a call when the message names none: eventSource + eventName.
import { text, field } from './coerce.js';

/** 'ec2.amazonaws.com' → 'ec2'; 'monitoring.amazonaws.com' → 'monitoring' (lower-cased, first label). */
export function servicePrefix(eventSource: string): string {
  const source = eventSource.trim();
  const dot = source.indexOf('.');
  return (dot < 0 ? source : source.slice(0, dot)).toLowerCase();
}

export function actionOf(service: string, operation: string): string {
  if (operation === '') return ''; // a service alone names no action
  if (service === '') return operation;
  return `${service}:${operation}`;
}

export function recordAction(record: unknown): string {
  return actionOf(servicePrefix(text(field(record, 'eventSource'))), text(field(record, 'eventName')).trim());
}
