/** A selection of the log that cannot be made: a bad option, or a village the store does not hold. The message names the option. */
export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}
