// denials.jsonl: one Denial per line, every field, keys in declared order (denial-fields.ts).
import { denialObject } from './denial-fields.js';
import { jsonText } from './json-text.js';
import type { DenialWriter } from './options.js';

export const jsonlWriter: DenialWriter = {
  header: '',
  row: (d) => jsonText(denialObject(d)) + '\n',
};
