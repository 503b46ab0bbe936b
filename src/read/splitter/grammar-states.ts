// The splitter's grammar states between records and the kinds of value under way, shared by the
// container grammar (container-grammar.ts) and the record delivery (record-splitter.ts).
import { GAP_AFTER_COMMA, GAP_AFTER_RECORD, GAP_FIRST } from './simd-module.js';

// Grammar states between records.
export const S_START = 0; // before the top-level value (BOM, whitespace)
export const S_OBJ_FIRST = 1; // after the container's '{': a key or '}'
export const S_OBJ_KEY = 2; // after ',': a key
export const S_OBJ_COLON = 3;
export const S_OBJ_VALUE = 4;
export const S_OBJ_NEXT = 5; // ',' or '}'
export const S_ARR_FIRST = 6; // after the records array's '[': a record or ']'
export const S_ARR_ELEM = 7; // after ',': a record
export const S_ARR_NEXT = 8; // ',' or ']'
export const S_LINES = 9; // JSON Lines: a record or whitespace
export const S_END = 10; // after the top-level value: whitespace only
export const S_VALUE = 11; // inside a value (record, skipped container value, or key)
export const S_DAMAGED = 12;

// The records-array states and the SIMD scanner's gap states, both ways.
export const STATE_OF_GAP: Record<number, number> = { [GAP_FIRST]: S_ARR_FIRST, [GAP_AFTER_RECORD]: S_ARR_NEXT, [GAP_AFTER_COMMA]: S_ARR_ELEM };
export const GAP_OF_STATE = new Map(Object.entries(STATE_OF_GAP).map(([gap, state]) => [state, Number(gap)]));

// Kinds of value scanned in S_VALUE.
export const V_NESTED = 0;
export const V_STRING = 1;
export const V_SCALAR = 2;
export const V_KEY = 3;
