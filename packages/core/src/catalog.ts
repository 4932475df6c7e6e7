import { EventCatalog } from './kernel/catalog.js';
import { assetEvents, type AssetEvent } from './domain/assets/events.js';
import { debtEvents, type DebtEvent } from './domain/debts/events.js';
import { contractEvents, type ContractEvent } from './domain/contracts/events.js';
import { collectiveLandEvents, type CollectiveLandEvent } from './domain/land/collective-events.js';
import { landEvents, wagesPaid, type LandEvent, type WagesPaid } from './domain/land/events.js';
import { chartEvents, type ChartEvent } from './domain/ledger/chart/events.js';
import { ledgerEvents, type LedgerEvent } from './domain/ledger/events.js';
import { organizationEvents, type OrganizationEvent } from './domain/organization/events.js';
import { shareEvents, type ShareEvent } from './domain/shares/events.js';

/** Every event the core domain defines. */
export type CoreEvent = OrganizationEvent | ChartEvent | LedgerEvent | AssetEvent | ShareEvent | DebtEvent | ContractEvent | LandEvent | CollectiveLandEvent | WagesPaid;

/**
 * The catalogue of every event type the library knows, with its codec and
 * schema version: what the CLI validates ledger files against. docs/events.md
 * describes each entry.
 */
export const coreCatalog: EventCatalog<CoreEvent> = new EventCatalog<CoreEvent>([...organizationEvents, ...chartEvents, ...ledgerEvents, ...assetEvents, ...shareEvents, ...debtEvents, ...contractEvents, ...landEvents, ...collectiveLandEvents, wagesPaid]);
