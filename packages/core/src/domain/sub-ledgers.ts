import { assetSubLedger } from './assets/sub-ledger.js';
import { contractSubLedger } from './contracts/sub-ledger.js';
import { debtSubLedger } from './debts/sub-ledger.js';
import { landSubLedger } from './land/sub-ledger.js';
import type { AnySubLedger } from './ledger/sub-ledger.js';
import { distributionSubLedger } from './shares/distribution-sub-ledger.js';

/** The registers kept on a village's ledger-year stream beside its vouchers. */
export const subLedgers: readonly AnySubLedger[] = [assetSubLedger, distributionSubLedger, debtSubLedger, contractSubLedger, landSubLedger];
