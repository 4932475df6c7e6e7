import { Server, ServerCredentials, status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream, type ServerWritableStream } from '@grpc/grpc-js';
import { StreamsService, type AppendReqMessage, type AppendRespMessage, type ReadReqMessage, type ReadRespMessage } from './generated.js';
import { FakeLog, type ProposedRecord } from './log.js';
import { appendHeaderOf, appendResponseOf, eventMessage, proposedOf, streamNotFoundMessage } from './messages.js';
import { allRecords, readPlanOf, streamRecords } from './reads.js';
import { runSubscription } from './subscription.js';

export interface ProtocolFakeOptions {
  /** The port on 127.0.0.1 to listen on; default any free one. */
  readonly port?: number;
}

/** How many requests of each kind the fake has served (a test checks that nothing reached it). */
export interface ProtocolFakeRequests {
  appends: number;
  reads: number;
  subscriptions: number;
}

const bind = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) => {
      if (error === null) resolve(bound);
      else reject(error);
    });
  });

/**
 * An in-process gRPC server on 127.0.0.1 that speaks the EventStoreDB client
 * protocol, from the generated code inside `@eventstore/db-client`: a
 * protocol fake for tests, not a database. It serves what the adapter calls
 * (Streams.Append, Streams.Read of a stream, of `$all`, and subscriptions to
 * `$all`) with the server's semantics (expected revisions, idempotent
 * retries, non-contiguous positions, system records in `$all`); every other
 * method answers UNIMPLEMENTED, as a server without it would (so the client
 * falls back from batch appends to Append). Its log lives as long as the
 * object: `restart` keeps it.
 */
export class ProtocolFake {
  readonly log = new FakeLog();
  readonly requests: ProtocolFakeRequests = { appends: 0, reads: 0, subscriptions: 0 };
  private server: Server | undefined;
  private port: number;
  private failures = 0;

  private constructor(port: number) {
    this.port = port;
    // A server writes records of its own before any client does.
    this.log.writeSystem('$settings', 'update-default-acl');
    this.log.writeSystem('$stats-127.0.0.1:2113', '$statsCollected');
  }

  static async start(options: ProtocolFakeOptions = {}): Promise<ProtocolFake> {
    const fake = new ProtocolFake(options.port ?? 0);
    await fake.listen();
    return fake;
  }

  /** The connection string of the fake, for `EventStoreDBClient.connectionString` or `--store`. */
  get url(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** The next `count` appends are written, but answered UNAVAILABLE, as when a connection drops before the answer. */
  loseAppendAnswers(count = 1): void {
    this.failures = count;
  }

  /** Stop listening and cut every open call, keeping the log. */
  stop(): Promise<void> {
    this.server?.forceShutdown();
    this.server = undefined;
    return Promise.resolve();
  }

  /** Stop, then listen again on the same port with the same log (a server restart). */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = new Server();
    server.addService(StreamsService, {
      read: (call: ServerWritableStream<ReadReqMessage, ReadRespMessage>) => {
        this.read(call);
      },
      append: (call: ServerReadableStream<AppendReqMessage, AppendRespMessage>, callback: sendUnaryData<AppendRespMessage>) => {
        this.append(call, callback);
      },
      batchAppend: (call: ServerDuplexStream<unknown, unknown>) => {
        call.emit('error', { code: status.UNIMPLEMENTED, details: 'the protocol fake serves Append, not BatchAppend' });
      },
    });
    this.port = await bind(server, this.port);
    this.server = server;
  }

  private read(call: ServerWritableStream<ReadReqMessage, ReadRespMessage>): void {
    const plan = readPlanOf(call.request);
    if (plan === undefined) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'a read needs stream or all options' });
      return;
    }
    if (plan.kind === 'subscribe-all') {
      this.requests.subscriptions += 1;
      const end = runSubscription(this.log, plan, (message) => call.write(message));
      call.on('cancelled', end);
      call.on('close', end);
      return;
    }
    this.requests.reads += 1;
    const records = plan.kind === 'stream' ? streamRecords(this.log, plan) : allRecords(this.log, plan);
    if (records === undefined) call.write(streamNotFoundMessage(plan.kind === 'stream' ? plan.streamId : '$all'));
    else for (const record of records) call.write(eventMessage(record));
    call.end();
  }

  private append(call: ServerReadableStream<AppendReqMessage, AppendRespMessage>, callback: sendUnaryData<AppendRespMessage>): void {
    this.requests.appends += 1;
    let header: ReturnType<typeof appendHeaderOf>;
    const proposed: ProposedRecord[] = [];
    call.on('data', (request: AppendReqMessage) => {
      header ??= appendHeaderOf(request);
      const message = proposedOf(request);
      if (message !== undefined) proposed.push(message);
    });
    call.on('end', () => {
      if (header === undefined) {
        callback({ code: status.INVALID_ARGUMENT, details: 'an append starts with its options' });
        return;
      }
      const outcome = this.log.append(header.streamId, header.expected, proposed);
      if (this.failures > 0) {
        this.failures -= 1;
        callback({ code: status.UNAVAILABLE, details: 'the protocol fake lost the answer to this append' });
        return;
      }
      callback(null, appendResponseOf(outcome));
    });
  }
}
