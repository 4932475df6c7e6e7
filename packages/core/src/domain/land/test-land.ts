import { isLeft } from 'fp-ts/lib/Either.js';
import { registerHousehold, admitMember } from '../organization/member-service.js';
import { testLedger } from '../ledger/test-ledger.js';
import { collectLandRent, payOnLandIncome, receiveLandServiceFee } from './collective-service.js';
import * as land from './service.js';
import { recordWages } from './wages.js';

const services = {
  contract: land.contractParcel,
  certify: land.certifyParcel,
  split: land.splitParcel,
  merge: land.mergeParcels,
  transfer: land.transferLand,
  terminate: land.terminateLandTransfer,
  renew: land.renewLandTransfer,
  reassign: land.reassignLandTransfer,
  review: land.reviewGrainPrice,
  declare: land.declareLandDividend,
  pay: land.payHousehold,
  wages: recordWages,
  collect: collectLandRent,
  payOn: payOnLandIncome,
  fee: receiveLandServiceFee,
} as const;
export type LandService = keyof typeof services;

/**
 * testLedger's village `v` with households h1 (members m1, m2) and h2 (m3),
 * registered 2015, and every land service bound to it. For tests.
 */
export const testLand = async () => {
  const books = await testLedger();
  let n = 0;
  const id = () => `l-${(n += 1)}`;
  for (const [householdId, head] of [['h1', '张一'], ['h2', '李二']] as const) {
    const r = await registerHousehold(books.context, { commandId: id(), actor: '会计', occurredOn: '2015-01-01', input: { organizationId: 'v', householdId, head } });
    if (isLeft(r)) throw new Error(r.left.message);
  }
  for (const [memberId, householdId] of [['m1', 'h1'], ['m2', 'h1'], ['m3', 'h2']] as const) {
    const r = await admitMember(books.context, { commandId: id(), actor: '会计', input: { organizationId: 'v', memberId, householdId, name: memberId, joinedOn: '2015-01-01', reason: 'founding' } });
    if (isLeft(r)) throw new Error(r.left.message);
  }
  const run = (service: LandService, input: object) =>
    (services[service] as (c: typeof books.context, r: object) => Promise<{ _tag: 'Left' | 'Right'; left?: { code: string; message: string } }>)(books.context, { commandId: id(), actor: '会计', input: { organizationId: 'v', ...input } });
  const ok = async (service: LandService, input: object) => {
    const result = await run(service, input);
    if (result._tag === 'Left') throw new Error(`${result.left?.code ?? ''}: ${result.left?.message ?? ''}`);
    return result;
  };
  const count = async () => {
    let all = 0;
    for await (const _ of books.store.readAll()) all += 1;
    return all;
  };
  return { ...books, run, ok, count };
};
