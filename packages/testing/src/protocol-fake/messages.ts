import { AppendResp, Empty, ReadResp, StreamIdentifier, UUID } from './generated.js';
import type { AppendReqMessage, AppendRespMessage, ReadRespMessage } from './generated.js';
import type { AppendOutcome, FakeExpectation, FakeRecord, ProposedRecord } from './log.js';

const identifierOf = (streamId: string) => {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(new TextEncoder().encode(streamId));
  return identifier;
};

export const streamNameOf = (identifier: { getStreamName_asU8(): Uint8Array } | undefined): string =>
  new TextDecoder().decode(identifier?.getStreamName_asU8() ?? new Uint8Array());

/** A stored record as the server sends it in a read or a subscription: both positions, its metadata map. */
export const eventMessage = (record: FakeRecord): ReadRespMessage => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(record.id);
  recorded.setId(id);
  recorded.setStreamIdentifier(identifierOf(record.streamId));
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.toString());
  recorded.setPreparePosition(record.position.toString());
  const map = recorded.getMetadataMap();
  map.set('type', record.type);
  map.set('content-type', record.contentType);
  map.set('created', record.created.toString());
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.metadata);
  const event = new ReadResp.ReadEvent();
  event.setEvent(recorded);
  event.setCommitPosition(record.position.toString());
  const response = new ReadResp();
  response.setEvent(event);
  return response;
};

export const streamNotFoundMessage = (streamId: string): ReadRespMessage => {
  const notFound = new ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(identifierOf(streamId));
  const response = new ReadResp();
  response.setStreamNotFound(notFound);
  return response;
};

export const confirmationMessage = (subscriptionId: string): ReadRespMessage => {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(subscriptionId);
  const response = new ReadResp();
  response.setConfirmation(confirmation);
  return response;
};

export const checkpointMessage = (position: bigint): ReadRespMessage => {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const response = new ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
};

export const caughtUpMessage = (): ReadRespMessage => {
  const response = new ReadResp();
  response.setCaughtUp(new ReadResp.CaughtUp());
  return response;
};

/** The options message of an append: its stream and expectation. */
export const appendHeaderOf = (request: AppendReqMessage): { readonly streamId: string; readonly expected: FakeExpectation } | undefined => {
  const options = request.getOptions();
  if (options === undefined) return undefined;
  const streamId = streamNameOf(options.getStreamIdentifier());
  if (options.hasRevision()) return { streamId, expected: { kind: 'revision', revision: BigInt(options.getRevision()) } };
  if (options.hasNoStream()) return { streamId, expected: { kind: 'no_stream' } };
  if (options.hasStreamExists()) return { streamId, expected: { kind: 'stream_exists' } };
  return { streamId, expected: { kind: 'any' } };
};

export const proposedOf = (request: AppendReqMessage): ProposedRecord | undefined => {
  const message = request.getProposedMessage();
  if (message === undefined) return undefined;
  const map = message.getMetadataMap();
  return {
    id: message.getId()?.getString() ?? '',
    type: map.get('type') ?? '',
    contentType: map.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};

const setExpected = (wrong: InstanceType<typeof AppendResp.WrongExpectedVersion>, expected: FakeExpectation): void => {
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      return;
    case 'no_stream':
      wrong.setExpectedNoStream(new Empty());
      return;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new Empty());
      return;
    case 'any':
      wrong.setExpectedAny(new Empty());
  }
};

export const appendResponseOf = (outcome: AppendOutcome): AppendRespMessage => {
  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    success.setCurrentRevision(outcome.revision.toString());
    const position = new AppendResp.Position();
    position.setCommitPosition(outcome.position.toString());
    position.setPreparePosition(outcome.position.toString());
    success.setPosition(position);
    response.setSuccess(success);
    return response;
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  setExpected(wrong, outcome.expected);
  response.setWrongExpectedVersion(wrong);
  return response;
};
