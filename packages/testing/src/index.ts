export { describeEventStoreContract } from './event-store-contract.js';
export type { EventStoreContractOptions, EventStoreFactory } from './event-store-contract.js';
export { comparable, specFor } from './given-when-then.js';
export { deepFreeze } from './deep-freeze.js';
export type { DeciderSpecification, DecisionExpectations, GivenEvents } from './given-when-then.js';
export {
  FIXTURE_ACTOR,
  FIXTURE_OCCURRED_ON,
  collect,
  eventIdsOf,
  newEvent,
  newEvents,
  uniqueStreamId,
} from './fixtures.js';
export { fuzzBaseLedger } from './fuzz/base-ledger.js';
export { ledgerMutations, MUTATION_KINDS, type LedgerMutation, type MutationKind } from './fuzz/mutations.js';
export { FuzzFailure, importVerdict, type ImportVerdict } from './fuzz/verdict.js';
export { bookEvent, registrationOf, SCOPE_TOWNSHIPS, writeScopeBooks } from './scope-books.js';
export { describeScopeRefusals } from './scope-refusals.js';
export { describeReadModelStoreContract, type ReadModelStoreFactory } from './read-models/contract.js';
