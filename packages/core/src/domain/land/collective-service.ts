import type * as t from 'io-ts';
import type { CommandOutcome, DeclaredCommand } from '../../kernel/command.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { subLedgerCommand } from '../sub-ledger-command.js';
import type { CollectiveLandEvent } from './collective-events.js';
import { CollectLandRentInput, PayOnLandIncomeInput, ReceiveLandServiceFeeInput, type CollectiveLandInputs } from './collective-inputs.js';
import type { LandError } from './errors.js';

const codecs = { CollectLandRent: CollectLandRentInput, PayOnLandIncome: PayOnLandIncomeInput, ReceiveLandServiceFee: ReceiveLandServiceFeeInput } as const;

type Command<K extends keyof CollectiveLandInputs> = DeclaredCommand<t.OutputOf<(typeof codecs)[K]>, CollectiveLandEvent | LedgerEvent, LandError | LedgerError>;

const landCommand = <K extends keyof CollectiveLandInputs>(type: K, dateOf: (input: CollectiveLandInputs[K]) => string): Command<K> =>
  subLedgerCommand<CollectiveLandInputs[K], t.OutputOf<(typeof codecs)[K]>, CollectiveLandEvent, LandError>(
    'land',
    type,
    codecs[type] as unknown as t.Type<CollectiveLandInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    dateOf,
  );

/** 代收租金 as intermediary, dated `collectedOn`. */
export const collectLandRent = landCommand('CollectLandRent', (i) => i.collectedOn);
/** 代付农户, dated `paidOn`. */
export const payOnLandIncome = landCommand('PayOnLandIncome', (i) => i.paidOn);
/** 流转服务费, dated `receivedOn`. */
export const receiveLandServiceFee = landCommand('ReceiveLandServiceFee', (i) => i.receivedOn);

export type CollectiveLandOutcome = CommandOutcome<CollectiveLandEvent | LedgerEvent, LandError | LedgerError>;
