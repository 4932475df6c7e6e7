export { EventStoreDbStore, type EventStoreDbStoreOptions } from './store.js';
export { clientFor, redactConnectionString } from './connection.js';
export { EventStoreDbRefusedError, EventStoreDbUnreachableError, InvalidConnectionStringError } from './errors.js';
export { ForeignRecordError, isSystemRecord } from './encoding.js';
export { clientRevisionOf } from './revision.js';
export { followAll, type FollowOptions, type Following } from './subscription.js';
export { MemoryCheckpoints, StreamMetadataCheckpoints, type CheckpointStore } from './checkpoints.js';
