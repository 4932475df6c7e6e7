export * from './port.js';
export { InMemoryReadModels } from './memory.js';
export { encodeState, decodeState, StateNotStorableError } from './state-codec.js';
export { modelChoiceOf, modelOptionsOf, type ModelChoice } from './keys.js';
export { specChoice, type ReadModelSpec } from './kept.js';
export { projectReadModels, type ProjectReadModelsOptions, type ProjectReadModelsResult, type ReadModelProgress, type KeptModelSummary } from './runner.js';
export { modelBuild } from './build.js';
