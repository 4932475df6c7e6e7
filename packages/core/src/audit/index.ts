export { BooksCheck, type EventPlace, type EventToCheck, type Finding } from './books-check.js';
export type { BookProblem, Severity } from './problem.js';
export { booksRules } from './books-rules.js';
export { verifyEvents, verifyStore, type Verification, type VerifyOptions } from './verify.js';
export { ChainCheck } from './chain-check.js';
export { merkleRoot, parseSeal, sealBatches, sealStore, type Seal } from './seal.js';
