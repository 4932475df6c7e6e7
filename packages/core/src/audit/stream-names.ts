import { assetEventTypes } from '../domain/assets/events.js';
import { contractEventTypes } from '../domain/contracts/events.js';
import { debtEventTypes } from '../domain/debts/events.js';
import { collectiveLandEventTypes } from '../domain/land/collective-events.js';
import { landEventTypes } from '../domain/land/events.js';
import { chartEvents } from '../domain/ledger/chart/events.js';
import { ledgerEvents } from '../domain/ledger/events.js';
import { organizationEvents } from '../domain/organization/events.js';
import { distributionEventTypes, shareRegisterEventTypes } from '../domain/shares/events.js';

/* The streams the core writes, and which one each of its event types belongs on: what BooksCheck checks an event's place by. */

export type Category = 'organization' | 'chart' | 'shares' | 'land' | 'household-income' | 'ledger';

/** Which stream each event type of the core belongs on. */
export const homeOf: ReadonlyMap<string, Category> = new Map<string, Category>([
  ...organizationEvents.map((d): [string, Category] => [d.type, 'organization']),
  ...chartEvents.map((d): [string, Category] => [d.type, 'chart']),
  ...shareRegisterEventTypes.map((t): [string, Category] => [t, 'shares']),
  ...landEventTypes.map((t): [string, Category] => [t, 'land']),
  ['WagesPaid', 'household-income'],
  ...[...ledgerEvents.map((d) => d.type), ...assetEventTypes, ...distributionEventTypes, ...debtEventTypes, ...contractEventTypes, ...collectiveLandEventTypes].map((t): [string, Category] => [t, 'ledger']),
]);

export interface StreamName {
  readonly category: Category;
  readonly organizationId: string;
  readonly year?: number;
}

const LEDGER_STREAM = /^ledger-(.+)-(\d{4})$/;
const INCOME_STREAM = /^household-income-(.+)-(\d{4})$/;

export const streamNameOf = (streamId: string): StreamName | undefined => {
  const ledger = LEDGER_STREAM.exec(streamId);
  if (ledger !== null) return { category: 'ledger', organizationId: ledger[1] ?? '', year: Number(ledger[2]) };
  const income = INCOME_STREAM.exec(streamId);
  if (income !== null) return { category: 'household-income', organizationId: income[1] ?? '', year: Number(income[2]) };
  for (const category of ['organization', 'chart', 'shares', 'land'] as const) {
    if (streamId.startsWith(`${category}-`) && streamId.length > category.length + 1) return { category, organizationId: streamId.slice(category.length + 1) };
  }
  return undefined;
};

export const STREAM_OF: Readonly<Record<Category, string>> = {
  organization: 'organization-<organizationId>',
  chart: 'chart-<villageId>',
  shares: 'shares-<villageId>',
  land: 'land-<villageId>',
  'household-income': 'household-income-<villageId>-<year>',
  ledger: 'ledger-<villageId>-<year>',
};
