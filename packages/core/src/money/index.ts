export { Dec, isDec } from './decimal.js';
export { Money } from './money.js';
export { allocate } from './allocate.js';
export { Rate, type RateJson, type RateTerm } from './rate.js';
export { Area } from './area.js';
export { AllocationError, AreaFormatError, DecimalFormatError, MoneyFormatError } from './errors.js';
export {
  explainDecimalProblem,
  readPlainDecimal,
  type DecimalProblem,
  type DecimalRules,
  type PlainDecimal,
} from './plain-decimal.js';
