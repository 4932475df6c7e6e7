import type { ContractRecord } from '../../domain/contracts/index.js';
import type { Money } from '../../money/money.js';
import type { ArrearsAmounts } from '../arrears-figures.js';
import type { ContractGroup } from '../contract-projection.js';
import type { AgeBandFigures } from '../arrears-figures.js';
import { groupHead, rateJson } from './asset-options.js';

/** A group as JSON: its head, the number of villages, then its figures. */
export const contractGroupJson = <F, J>(group: ContractGroup<F>, figures: (f: F) => J) => ({ ...groupHead(group), villages: group.villages, ...figures(group.figures) });

export const moneyJson = (m: Money): string => m.toString();

/** The amounts of arrears as JSON, keys in this order: openingArrears, fallenOverdue, overdue, collected, rate, outstanding. */
export const arrearsAmountsJson = (a: ArrearsAmounts) => ({
  openingArrears: a.openingArrears.toString(),
  fallenOverdue: a.fallenOverdue.toString(),
  overdue: a.overdue.toString(),
  collected: a.collected.toString(),
  rate: rateJson(a.rate),
  outstanding: a.outstanding.toString(),
});

export const ageBandsJson = (bands: readonly AgeBandFigures[]) => bands.map((b) => ({ band: b.band, instalments: b.instalments, outstanding: b.outstanding.toString() }));

/** A counterparty as JSON: name, kind, reference (`null` when none). */
export const counterpartyJson = (c: ContractRecord['counterparty']) => ({ name: c.name, kind: c.kind, reference: c.reference ?? null });

/** A subject as JSON: description, assetId, area (`{ value, unit }`), `null` when not recorded. */
export const subjectJson = (s: ContractRecord['subject']) => ({ description: s.description, assetId: s.assetId ?? null, area: s.area === undefined ? null : { value: s.area.value.toFixed(), unit: s.area.unit } });
