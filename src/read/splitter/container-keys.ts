// Which top-level key of a container object holds the records: "Records" (a trail file) or "Events"
// (lookup-events output). A key written with escapes is decoded first; with a fixed shape only that
// shape's key counts, and once the records array is found, later keys of either name do not.
import type { ContainerShape } from './types.js';

export type RecordsKeyName = 'Records' | 'Events' | '';

/** The records key's name so far, and whether `raw` (the key's bytes as latin1) is it. */
export function recordsKey(
  raw: string,
  fixed: ContainerShape | undefined,
  foundTarget: boolean,
  name: RecordsKeyName,
): { name: RecordsKeyName; target: boolean } {
  let key = raw;
  if (raw.includes('\\')) {
    try {
      const decoded: unknown = JSON.parse(`"${Buffer.from(raw, 'latin1').toString('utf8')}"`);
      if (typeof decoded === 'string') key = decoded;
    } catch {
      return { name, target: false };
    }
  }
  if (fixed === 'records-object' || (fixed === undefined && !foundTarget && key === 'Records')) name = 'Records';
  else if (fixed === 'events-object' || (fixed === undefined && !foundTarget && key === 'Events')) name = 'Events';
  return { name, target: (fixed === undefined || fixed === 'records-object' || fixed === 'events-object') && key === name };
}
