/**
 * The protocol code generated from EventStoreDB's .proto files that ships
 * inside `@eventstore/db-client`: the service definitions and message classes
 * the protocol fake serves, the same ones the client speaks.
 */
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';

export const { StreamsService } = streamsGrpc;
export const { ReadReq, ReadResp, AppendReq, AppendResp } = streamsPb;
export const { Empty, UUID, StreamIdentifier } = sharedPb;

export type ReadReqMessage = InstanceType<typeof ReadReq>;
export type ReadRespMessage = InstanceType<typeof ReadResp>;
export type AppendReqMessage = InstanceType<typeof AppendReq>;
export type AppendRespMessage = InstanceType<typeof AppendResp>;
export type FilterOptionsMessage = InstanceType<typeof ReadReq.Options.FilterOptions>;
