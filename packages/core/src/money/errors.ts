import { showInput } from './plain-decimal.js';

/**
 * A value that is not in the plain decimal form this library reads. `reason`
 * alone (`expected ...`) is what codecs report, since the reporter adds the
 * value itself; `message` adds it here for callers that throw.
 */
export class DecimalFormatError extends Error {
  override readonly name: string = 'DecimalFormatError';
  readonly input: unknown;
  readonly reason: string;

  constructor(input: unknown, reason: string) {
    super(`${reason}, got ${showInput(input)}`);
    this.input = input;
    this.reason = reason;
  }
}

/** A yuan amount that could not be read, or would lose fen. */
export class MoneyFormatError extends DecimalFormatError {
  override readonly name: string = 'MoneyFormatError';
}

/** An area in mu that could not be read (negative, too many decimals, not a decimal string). */
export class AreaFormatError extends DecimalFormatError {
  override readonly name: string = 'AreaFormatError';
}

/** An allocation that cannot be made: a bad or negative weight, or nothing to allocate by. */
export class AllocationError extends Error {
  override readonly name: string = 'AllocationError';
}
