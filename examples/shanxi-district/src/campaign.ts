import { Money } from '@collective-ledger/core';

/**
 * The figures of the campaign to clean up contracts, resolve debts and
 * collect arrears (清化收) in the source article, as TARGETS OF THE GENERATOR:
 * the example chooses its contracts, payments and debts so that they arise.
 * The library never sees these numbers; the contract register's read API
 * and `report debts` recompute them from the events.
 *
 * "The region has accumulated a total of 2234 economic contracts ... It is
 * found that 138 contracts should be regulated and improved. At present, 125
 * copies have been regulated and 90.6% of the completion of the progress. The
 * yield was 41.6%; the non-performing debt ... 91.3131 million yuan, which has
 * been resolved by 74.85 million yuan, and the resolution rate is 81.7%."
 * (Shanxi Economic Daily, 4 August 2022.) The example reads every figure as
 * of 30 June 2022, the end of the article's half-year.
 */
export const CONTRACTS_REGISTERED = 2234;
export const CONTRACTS_FLAGGED = 138;
export const CONTRACTS_RECTIFIED = 125;

/** Of the flags not rectified: so many contracts terminated; the rest are still being rectified. */
export const FLAGGED_TERMINATED = 4;

export const NON_PERFORMING_DEBT = Money.of('91313100.00');
export const DEBT_RESOLVED = Money.of('74850000.00');

/**
 * "The yield was 41.6%", printed without its label, read as the arrears
 * collection rate (清欠率) over the campaign's period: the generator makes the
 * money collected late come to 416/1000 of what fell overdue, to the fen.
 */
export const ARREARS_COLLECTED_PER_MILLE = 416n;
export const CAMPAIGN_FROM = '2022-01-01';
export const CAMPAIGN_TO = '2022-06-30';

/** The contracts found in the books are entered in the register from 4 to 20 January 2022 (建立合同台账). */
export const REGISTER_FROM = '2022-01-04';
