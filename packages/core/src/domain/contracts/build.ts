import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { AssetRegister } from '../assets/asset-register.js';
import type { Chart } from '../ledger/chart/index.js';
import type { Posting } from '../ledger/generated-voucher.js';
import type { ContractError } from './errors.js';
import type { ContractEvent } from './events.js';
import type { ContractBook } from './register.js';
import { contractProblem } from './rules.js';

/** What one contract command decides: its events, and the voucher lines they imply. */
export interface Decision {
  readonly events: readonly ContractEvent[];
  readonly summary: string;
  readonly postings: readonly Posting[];
}

export type Decided = Either<ContractError, Decision>;

/** What every decision reads: the register, the year's asset register, the chart, the business date and the voucher number to use. */
export interface DecisionContext {
  readonly organizationId: string;
  readonly book: ContractBook;
  readonly assets: AssetRegister | undefined;
  readonly chart: Chart;
  readonly date: string;
  readonly voucherNo: string;
}

/**
 * An event built by the decider from its wire form, through the event's own
 * codec: what the decider builds is exactly what a ledger file may hold. A
 * failure is a bug in the decider, not the user's input, so it throws.
 */
export const built = <Type extends string, Data>(definition: EventDefinition<Type, Data>, wire: Record<string, unknown>): DomainEvent<Type, Data> => {
  const result = definition.codec.decode(wire);
  if (isLeft(result)) throw new Error(`the contract register built an invalid ${definition.type}: ${formatValidationErrors(result.left, 'data').join('; ')}`);
  return { type: definition.type, data: result.right };
};

/** The event, if the register's rules let it stand, with its voucher lines. */
export const checked = (context: DecisionContext, event: ContractEvent, summary = '', postings: readonly Posting[] = []): Decided => {
  const problem = contractProblem(context.book, event, context.assets);
  return problem === undefined ? right({ events: [event], summary, postings }) : left(problem);
};
