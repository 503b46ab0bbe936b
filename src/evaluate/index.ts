// Pure: a denial's request + the exported policies → its cause, through the optional IAM evaluation
// engine (engine.ts). Loading the exports is policies/'s; loading the engine is a dynamic import.
//
//   const ev = new Evaluator(await loadEngine(), store);
//   const cause = await ev.cause(denial, facts);   // null for failed sign-ins and the like
export { Evaluator, DEFAULT_MAX_SIMULATIONS, OVER_CAP, exportedOnOf, type EvaluatorOptions } from './evaluator.js';
export { loadEngine, ENGINE_PACKAGE, type Engine } from './engine.js';
export { statementName, policyPhrase } from './cause-text.js';
export { LAYER_LABELS } from './layers.js';
