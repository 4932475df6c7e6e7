import type * as t from 'io-ts';
import { defineCommand, type DeclaredCommand } from '../kernel/command.js';
import type { DomainError } from '../kernel/decider.js';
import type { DomainEvent } from '../kernel/event.js';
import type { FactReader } from '../kernel/fact-reader.js';
import type { LedgerError } from './ledger/errors.js';
import { ledgerStream, type LedgerEvent } from './ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from './ledger/ledger-year.js';
import { openingOf } from './ledger/opening.js';
import { loadVillageBooks } from './ledger/service.js';
import type { VoucherOrigin } from './ledger/voucher-codec.js';
import { subLedgers } from './sub-ledgers.js';

/** The village's kind and chart, and how the year of the operation opened: the registers and balances the last close carried, or the open year before as it stands. */
const factsOf = async (organizationId: string, reader: FactReader, date: string) => ({
  ...(await loadVillageBooks(reader, organizationId)),
  opening: await openingOf(reader, subLedgers, organizationId, Number(date.slice(0, 4))),
});

/**
 * An operation of the sub-ledger `subLedger`, declared: decided on the
 * ledger-year stream of its business date (`dateOf` the input), against the
 * registers as the year opened (the last close) and the year's own events;
 * its voucher, if it has one, is appended with its events.
 */
export const subLedgerCommand = <A extends { readonly organizationId: string }, O, E extends DomainEvent, Err extends DomainError>(
  subLedger: VoucherOrigin,
  type: string,
  input: t.Type<A, O>,
  dateOf: (input: A) => string,
): DeclaredCommand<O, E | LedgerEvent, Err | LedgerError> =>
  defineCommand({
    name: type,
    input,
    stream: (valid) => ledgerStream(valid.organizationId, dateOf(valid).slice(0, 4)),
    occurredOn: dateOf,
    facts: (valid, reader, date) => factsOf(valid.organizationId, reader, date),
    decider: (facts) => ledgerYearDecider<E | LedgerEvent, Err | LedgerError>(subLedgers, facts.opening.registers),
    command: (valid, { organizationKind, chart, opening }, date): SubLedgerOperation => ({
      type: 'SubLedgerOperation',
      subLedger,
      command: { type, input: valid },
      organizationId: valid.organizationId,
      date,
      organizationKind,
      chart,
      carried: opening.balances,
    }),
  });
