export * from './primitives.js';
export * from './money-codecs.js';
export { formatValidationErrors, validationIssues, type ValidationIssue } from './reporter.js';
export * from './struct.js';
export * from './array-of.js';
export { unknownFields } from './unknown-fields.js';
export { closestField, editDistance } from './did-you-mean.js';
export { instantOf, isEarlier, type Instant } from './instant.js';
