import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { evolveLedgerYear, initialLedgerYear, type LedgerYearState } from '../ledger/state.js';
import type { AssetCommand } from './commands.js';
import { acquireFixedAsset } from './decide-acquisition.js';
import { disposeFixedAsset, reclassifyFixedAsset, revalueFixedAsset } from './decide-changes.js';
import { chargeDepreciation } from './decide-depreciation.js';
import { makeLongTermInvestment, recordResourceIncome, recoverLongTermInvestment, registerResourceAsset } from './decide-other.js';
import type { Decided, DecisionContext } from './decision.js';
import { assetError, type AssetError } from './errors.js';
import { isAssetEvent, type AssetEvent } from './events.js';
import { generatedVoucher, nextVoucherNo } from '../ledger/generated-voucher.js';
import { registerOf } from './asset-register.js';

/** A ledger-year stream as the asset register reads it: the ledger's state, and the year's asset events so far. */
export interface AssetYearState {
  readonly ledger: LedgerYearState;
  readonly events: readonly AssetEvent[];
}

/** The year's asset events are kept in order, and the ledger folds the vouchers: both in place, folded forward only. */
const evolve = (state: AssetYearState, event: DomainEvent): AssetYearState => {
  if (isAssetEvent(event)) {
    (state.events as AssetEvent[]).push(event);
    return state;
  }
  const ledger = evolveLedgerYear(state.ledger, event);
  return ledger === state.ledger ? state : { ledger, events: state.events };
};

const decideFor = (command: AssetCommand, context: DecisionContext): Decided => {
  switch (command.type) {
    case 'RegisterResourceAsset':
      return registerResourceAsset(command.input, context);
    case 'RecordResourceIncome':
      return recordResourceIncome(command.input, context);
    case 'AcquireFixedAsset':
      return acquireFixedAsset(command.input, context);
    case 'ChargeDepreciation':
      return chargeDepreciation(command.input, context);
    case 'RevalueFixedAsset':
      return revalueFixedAsset(command.input, context);
    case 'ReclassifyFixedAsset':
      return reclassifyFixedAsset(command.input, context);
    case 'DisposeFixedAsset':
      return disposeFixedAsset(command.input, context);
    case 'MakeLongTermInvestment':
      return makeLongTermInvestment(command.input, context);
    case 'RecoverLongTermInvestment':
      return recoverLongTermInvestment(command.input, context);
  }
};

/**
 * Decide an asset command on the village's ledger-year stream: the register is
 * rebuilt from the asset events of the years before and of this year (a
 * fresh one per decision, so a retried decision starts clean), the command
 * decides its asset events, and their voucher is checked by the ledger's rules
 * and appended with them, atomically.
 */
const decide = (command: AssetCommand, state: AssetYearState): Either<AssetError | LedgerError, readonly (AssetEvent | LedgerEvent)[]> => {
  const { organizationId } = command.input;
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return left(assetError('ASSET_ORGANIZATION_NOT_VILLAGE', `organizationId: ${organizationId} is ${found}; assets belong to a village`));
  }
  const year = command.date.slice(0, 4);
  if (state.ledger.closed !== undefined) {
    return left(assetError('ASSET_YEAR_CLOSED', `${year} is closed for ${organizationId}: record it with a date in the open year`));
  }
  const named = 'voucherNo' in command.input ? command.input.voucherNo : undefined;
  const voucherNo = named ?? nextVoucherNo(state.ledger, '资-');
  const register = registerOf([...command.earlier, ...state.events]);
  const decided = decideFor(command, { organizationId, register, chart: command.chart, date: command.date, voucherNo });
  if (decided._tag === 'Left') return decided;
  const { events, summary, postings } = decided.right;
  const header = { organizationId, voucherNo, date: command.date, summary, organizationKind: command.organizationKind, chart: command.chart, origin: 'assets' as const };
  const voucher = generatedVoucher(header, postings, state.ledger);
  if (voucher._tag === 'Left') return voucher;
  return right([...events, ...voucher.right]);
};

export const assetDecider: Decider<AssetCommand, AssetEvent | LedgerEvent, AssetYearState, AssetError | LedgerError> = {
  decide,
  evolve,
  initialState: () => ({ ledger: initialLedgerYear(), events: [] }),
};
