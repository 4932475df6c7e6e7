export { ProtocolFake, type ProtocolFakeOptions, type ProtocolFakeRequests } from './server.js';
export { FakeLog, type AppendOutcome, type FakeExpectation, type FakeRecord, type ProposedRecord } from './log.js';
