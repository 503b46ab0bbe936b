// Whether a value (or its bytes) is shaped like a CloudTrail record: what decides, before any
// classification, that a top-level object is a record and that a bare top-level array is a log at all
// (an iam-collect store's inline-policies.json, a list of ARNs, is another JSON document).
import { isObject } from './coerce.js';

/** What every CloudTrail record has: a bare top-level object with one of them is a record. */
const RECORD_FIELDS = ['eventVersion', 'eventTime', 'eventName'];

/** Keys only a CloudTrail record has: an array with an element holding one (at any depth) is a log. */
const RECORD_KEYS = [...RECORD_FIELDS, 'eventID', 'eventSource', 'errorCode', 'userIdentity', 'awsRegion'];
const RECORD_KEY_BYTES = RECORD_KEYS.map((k) => Buffer.from(`"${k}"`));

export function looksLikeRecord(value: unknown): boolean {
  return isObject(value) && RECORD_FIELDS.some((k) => Object.hasOwn(value, k));
}

export function hasRecordKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasRecordKey);
  if (!isObject(value)) return false;
  return Object.keys(value).some((k) => RECORD_KEYS.includes(k)) || Object.values(value).some(hasRecordKey);
}

/** Whether an element's bytes hold a key only CloudTrail records have ("eventTime": …), as hasRecordKey asks of parsed ones. */
export function hasRecordKeyBytes(bytes: Buffer): boolean {
  for (const key of RECORD_KEY_BYTES) {
    for (let at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + 1)) {
      let i = at + key.length;
      while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
      if (bytes[i] === 0x3a) return true; // a key, not a value
    }
  }
  return false;
}
