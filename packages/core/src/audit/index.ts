export { BooksCheck, type EventPlace, type EventToCheck, type Finding } from './books-check.js';
export type { BookProblem, Severity } from './problem.js';
export { booksRules } from './books-rules.js';
export { verifyStore, type Verification, type VerifyOptions } from './verify.js';
