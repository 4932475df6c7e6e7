export * from './primitives.js';
export * from './money-codecs.js';
export { formatValidationErrors, validationIssues, type ValidationIssue } from './reporter.js';
export * from './struct.js';
export * from './array-of.js';
