import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../../kernel/command-handler.js';
import { handleCommand } from '../../../kernel/command-handler.js';
import { foldState } from '../../../kernel/decider.js';
import type { DomainEvent } from '../../../kernel/event.js';
import { decodeRecordedEvent } from '../../../kernel/decode.js';
import { validateInput, type InvalidInput } from '../../../kernel/validate.js';
import type { Chart } from './chart.js';
import { DeclareSubAccountInput } from './commands.js';
import { chartDecider, type ChartError } from './decider.js';
import { chartStream, type ChartEvent } from './events.js';

/** A village's chart of accounts: the standard accounts plus the sub-accounts its stream declares. */
export const loadChart = async (context: CommandContext<DomainEvent>, villageId: string): Promise<Chart> => {
  const events: ChartEvent[] = [];
  for await (const recorded of context.store.readStream(chartStream(villageId))) {
    events.push(decodeRecordedEvent(context.catalog, recorded).event as ChartEvent);
  }
  return foldState(chartDecider, events);
};

/**
 * Declare a sub-account (明细科目) in a village's chart, e.g. 15101 经营性固定资产.
 * The input is validated first; the decider refuses a 3-digit code, a code
 * already in the chart, and a code whose parent is not in it.
 */
export const declareSubAccount = async (
  context: CommandContext<DomainEvent>,
  request: Omit<CommandEnvelope<unknown>, 'command'> & { readonly input: unknown },
): Promise<Either<ChartError | InvalidInput, CommandResult<ChartEvent>>> => {
  const input = validateInput(DeclareSubAccountInput, request.input);
  if (isLeft(input)) return left(input.left);
  const { input: _raw, ...envelope } = request;
  return handleCommand(context as CommandContext<ChartEvent>, chartDecider, chartStream(input.right.organizationId), {
    ...envelope,
    command: { type: 'DeclareSubAccount', input: input.right },
  });
};
