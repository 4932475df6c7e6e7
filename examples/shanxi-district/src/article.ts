import { Money } from '@collective-ledger/core';

/**
 * The asset figures of the source article, as TARGETS OF THE GENERATOR: the
 * example chooses the opening balances and asset cards so that they arise.
 * The reports never see these numbers; `report assets` and
 * `report resource-income` recompute them from the events.
 *
 * "At present, the total collective assets in the region are 6.451 billion
 * yuan, of which non-operating fixed assets are 2.288 billion yuan and
 * operating fixed assets are 444 million yuan." (Shanxi Economic Daily,
 * 4 August 2022; read here as of 30 June 2022.) Total assets are the balance
 * sheet's (net of depreciation); the fixed assets are taken at cost (原值),
 * as asset inventories report them.
 */
export const ARTICLE_DATE = '2022-06-30';
export const TOTAL_ASSETS = Money.of('6451000000.00');
export const NON_OPERATING_FIXED_ASSETS_AT_COST = Money.of('2288000000.00');
export const OPERATING_FIXED_ASSETS_AT_COST = Money.of('444000000.00');

/** "The operating income of new resource assets such as 39.7705 million yuan": earned in 2022 by resources the stock-take found. */
export const NEW_RESOURCE_INCOME = Money.of('39770500.00');

/** The clothing workshop's idle farmhouses (闲置农房), non-operating until revitalised on 1 March 2022: their cost, chosen by the example. */
export const FARMHOUSES_COST = Money.of('1860000.00');
export const FARMHOUSES_REVITALISED_ON = '2022-03-01';

/** The date the books are opened from the 2021 stock-take (清产核资). */
export const BOOKS_OPENED_ON = '2021-12-31';
