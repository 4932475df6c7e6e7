/**
 * The organizations and the non-performing debts of the contracts
 * benchmark's district: townships of 100 villages under one district, and
 * each village's debts, recorded on the day its contracts are signed and
 * resolved in 2025 and 2026.
 */
import { Money } from '@collective-ledger/core';
import { pad, type Emitter } from './contracts-emitter.js';

const DISTRICT = 'd-0';
const townshipOf = (v: number): string => `t-${pad(Math.floor(v / 100), 3)}`;

/** The district, its townships of 100 villages each, and the villages, each in its organization stream. */
export const organizations = (e: Emitter, villages: readonly string[]): void => {
  const register = (organizationId: string, kind: string, n: number, parentId?: string): void => {
    const data = { organizationId, kind, code: `52${pad(n, 10)}`, name: `${kind}-${organizationId}`, ...(parentId === undefined ? {} : { parentId }) };
    e.emitTo(`organization-${organizationId}`, '2023-01-01', 'OrganizationRegistered', data);
  };
  register(DISTRICT, 'district', 0);
  const townships = new Set(villages.map((_, v) => townshipOf(v)));
  for (const [t, township] of [...townships].entries()) register(township, 'township', t + 1, DISTRICT);
  for (const [v, village] of villages.entries()) register(village, 'village', 1_000 + v, townshipOf(v));
};

export interface DebtState {
  readonly id: string;
  readonly fen: bigint;
  readonly k: number;
}

export const debtsOf = (village: string, v: number, count: number): DebtState[] =>
  Array.from({ length: count }, (_, k) => ({ id: `${village}-d${pad(k, 3)}`, fen: BigInt(10_000_000 + ((v * 37 + k * 101) % 900) * 100_000), k }));

/** The village's non-performing debts, already on the books (no voucher) on the day its contracts are signed. */
export const recordDebts = (e: Emitter, village: string, debts: readonly DebtState[], on: string): void => {
  for (const d of debts) {
    e.emit(village, on, 'DebtRecorded', {
      organizationId: village, debtId: d.id, creditor: { name: `信用社${d.k % 7}`, kind: d.k % 2 === 0 ? 'bank' : 'company' }, origin: 'borrowing', account: '201',
      amount: Money.fromFen(d.fen).toString(), recordedOn: on, recognition: 'existing',
    });
    e.expected.debts += 1;
    e.expected.debtFen += d.fen;
  }
};

/** A debt resolved: k ≡ 0 (mod 4) repaid in March 2025, 1 half repaid in June 2025, 2 written off in May 2026; 3 stays open. */
export const resolveDebts = (e: Emitter, village: string, debts: readonly DebtState[], month: string): void => {
  const due = { '2025-03': 0, '2025-06': 1, '2026-05': 2 }[month];
  if (due === undefined) return;
  const on = `${month}-15`;
  for (const d of debts) {
    if (d.k % 4 !== due) continue;
    const fen = due === 1 ? d.fen / 2n : d.fen;
    const base = { organizationId: village, debtId: d.id, resolvedOn: on, amount: Money.fromFen(fen).toString(), voucherNo: e.voucherNo(village, on, '债') };
    if (due === 2) {
      const approval = { body: 'members-assembly', approvedOn: on, resolution: `核销决议${d.id}` };
      e.emit(village, on, 'DebtWrittenOff', { ...base, approval, incomeAccount: '504' });
    } else e.emit(village, on, 'DebtRepaid', { ...base, paidFrom: '102' });
    e.expected.resolutions += 1;
    e.expected.resolvedFen += fen;
  }
};
