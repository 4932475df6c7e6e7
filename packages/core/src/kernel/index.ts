export type {
  DecodedEvent,
  DomainEvent,
  EventMetadata,
  JsonObject,
  JsonValue,
  NewEvent,
  NewEventMetadata,
  RecordedEvent,
} from './event.js';
export * from './errors.js';
export * from './store.js';
export * from './envelope.js';
export * from './limits.js';
export * from './revision.js';
export * from './memory-store.js';
export * from './decider.js';
export * from './catalog.js';
export * from './validate.js';
export * from './command-handler.js';
export * from './command.js';
export * from './fact-reader.js';
export * from './retry.js';
export { commandDigest } from './command-digest.js';
export * from './decode.js';
export * from './projection.js';
export { PersistentList } from './persistent-list.js';
export { PersistentMap } from './persistent-map.js';
export * from './ndjson/index.js';
export { CHAIN_HASH_PATTERN, canonicalJson, chainedText, eventHash, type ChainedEvent } from './chain.js';
export { EMPTY_CHAIN, chainHeadOf, sealEvents, type ChainHead, type SealedBatch } from './seal.js';
export * from './subscription.js';
export { AppendSignal } from './append-signal.js';
