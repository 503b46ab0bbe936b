// Pure: fold denials into mergeable partial summaries, then into the sorted, versioned Summary.
export { Folder } from './fold.js';
export { BREAKDOWNS, addDenial, addOtherError, mergeStates, newState, type AggregateState } from './state.js';
export { toSummary, type SummaryMeta } from './to-summary.js';
export { NO_FILTER, compileFilter, globToRegExp, type RecordFilter } from './record-filter.js';
export { groupKey } from './group.js';
