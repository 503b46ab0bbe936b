// denials.jsonl: one Denial per line, every field, keys in declared order.
import { canonicalDenial } from './denial-fields.js';
import { jsonText } from './json-text.js';
import type { DenialWriter } from './options.js';

export const jsonlWriter: DenialWriter = {
  header: '',
  row: (d) => jsonText(canonicalDenial(d)) + '\n',
};
