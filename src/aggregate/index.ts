// Pure: fold denials into mergeable partial summaries, then into the sorted, versioned Summary.
export { Folder, type DiscoveredFiles, type FoldOptions } from './fold.js';
export { BREAKDOWNS, addDenial, addOtherError, mergeStates, newState, type AggregateState } from './state.js';
export { toSummary, type SummaryMeta } from './to-summary.js';
export { NO_FILTER, compileFilter, globToRegExp, principalForms, type FilterMiss, type RecordFilter } from './record-filter.js';
export { groupKey } from './group.js';
export { FOLDED_ACTION, FOLDED_PRINCIPAL, GROUP_CAP } from './group-fold.js';
export { SUPPRESSION_FIELDS, compileSuppression, type SuppressionRule, type SuppressionSet } from './suppression.js';
export { DEFAULT_THRESHOLD, compareGroups, type Baseline } from './changes.js';
