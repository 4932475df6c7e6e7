import { Money, allocate, type debts } from '@collective-ledger/core';
import { DEBT_RESOLVED, NON_PERFORMING_DEBT } from './campaign.js';
import { personName } from './contract-subjects.js';
import { addDays, dayBetween, dayOfYear } from './dates.js';
import { townships, type Village } from './district.js';
import { intBetween, pick, percentOf, type Random } from './drafts.js';
import { shuffled } from './targets.js';

type Kind = 'bank' | 'construction' | 'purchase' | 'individual' | 'guarantee' | 'government';

/** A non-performing debt of a village: on its books from the opening (so its liability account carries it), put on the register in the campaign. */
export interface PlannedDebt {
  readonly village: Village;
  readonly kind: Kind;
  readonly record: debts.RecordDebtInput;
  readonly amount: Money;
}

/** A resolution of a debt, as the example sends it. */
export type DebtStep =
  | { readonly service: 'repayDebt'; readonly date: string; readonly input: debts.RepayDebtInput }
  | { readonly service: 'restructureDebt'; readonly date: string; readonly input: debts.RestructureDebtInput }
  | { readonly service: 'offsetDebt'; readonly date: string; readonly input: debts.OffsetDebtInput }
  | { readonly service: 'writeOffDebt'; readonly date: string; readonly input: debts.WriteOffDebtInput };

const KINDS: readonly [Kind, ...Kind[]] = ['bank', 'bank', 'construction', 'construction', 'purchase', 'individual', 'guarantee', 'government'];

const creditorOf = (kind: Kind, village: Village, random: Random): Pick<debts.RecordDebtInput, 'creditor' | 'origin' | 'account' | 'originNote'> => {
  switch (kind) {
    case 'bank':
      return { creditor: { name: `阳泉农村商业银行${pick(random, ['城郊', '荫营', '河底', '平坦'])}支行`, kind: 'bank' }, origin: 'borrowing', account: random() < 0.5 ? '201' : '221' };
    case 'construction':
      return { creditor: { name: `阳泉${pick(random, ['宏建', '晋阳', '恒通', '顺达'])}建筑工程有限公司`, kind: 'company' }, origin: 'construction', account: '211' };
    case 'purchase':
      return { creditor: { name: `${pick(random, ['鑫达', '利民', '广源'])}建材经销部`, kind: 'company' }, origin: 'purchase', account: '211' };
    case 'individual':
      return { creditor: { name: personName(random), kind: 'individual' }, origin: 'borrowing', account: '221' };
    case 'guarantee':
      return { creditor: { name: '阳泉市城郊农村信用合作社', kind: 'bank' }, origin: 'guarantee', account: '211' };
    case 'government':
      return { creditor: { name: `${townships.find((t) => t.organizationId === village.parentId)?.name ?? '乡镇'}财政所`, kind: 'government' }, origin: 'other', originNote: '乡镇财政所垫付的村级公益事业建设资金', account: '221' };
  }
};

/**
 * The district's non-performing debts: NON_PERFORMING_DEBT allocated over one
 * to three debts in about three villages of four, by drawn weights (so they
 * add up exactly), each recorded from the books (`existing`) between 10
 * January and 31 March 2022.
 */
export const plannedDebts = (villages: readonly Village[], random: Random): PlannedDebt[] => {
  const slots = villages.flatMap((village) => (random() < 0.75 ? Array.from({ length: intBetween(random, 1, 3) }, () => village) : []));
  const amounts = allocate(NON_PERFORMING_DEBT, slots.map(() => String(intBetween(random, 5, 100))));
  return slots.map((village, k) => {
    const kind = pick(random, KINDS);
    const amount = amounts[k] ?? Money.zero;
    const debtId = `${village.organizationId}-zw${String(k + 1).padStart(3, '0')}`;
    const recordedOn = dayBetween(random, '2022-01-10', '2022-03-31');
    const record: debts.RecordDebtInput = {
      organizationId: village.organizationId,
      debtId,
      ...creditorOf(kind, village, random),
      amount: amount.toString(),
      recordedOn,
      incurredOn: dayOfYear(random, intBetween(random, 2008, 2019)),
      recognition: 'existing',
    };
    return { village, kind, record, amount };
  });
};

type Method = DebtStep['service'];

/** The methods a debt of each kind is resolved by, with their cumulative chances. */
const METHODS: Record<Kind, readonly (readonly [number, Method])[]> = {
  bank: [[0.6, 'repayDebt'], [1, 'restructureDebt']],
  construction: [[0.45, 'offsetDebt'], [0.75, 'writeOffDebt'], [1, 'repayDebt']],
  purchase: [[0.5, 'repayDebt'], [1, 'writeOffDebt']],
  individual: [[1, 'repayDebt']],
  guarantee: [[0.6, 'restructureDebt'], [1, 'writeOffDebt']],
  government: [[0.5, 'restructureDebt'], [1, 'writeOffDebt']],
};

const methodOf = (kind: Kind, random: Random): Method => {
  const r = random();
  return METHODS[kind].find(([chance]) => r < chance)?.[1] ?? 'repayDebt';
};

const stepOf = (debt: PlannedDebt, { method, amount, resolvedOn, n }: { method: Method; amount: Money; resolvedOn: string; n: number }, random: Random): DebtStep => {
  const base = { organizationId: debt.village.organizationId, debtId: debt.record.debtId, resolvedOn, amount: amount.toString() };
  switch (method) {
    case 'repayDebt':
      return { service: method, date: resolvedOn, input: base };
    case 'offsetDebt':
      return { service: method, date: resolvedOn, input: { ...base, note: '以债权人欠缴的集体厂房租金抵顶工程欠款' } };
    case 'restructureDebt': {
      const reduction = debt.kind === 'bank' ? Money.zero : percentOf(amount, intBetween(random, 10, 30));
      const terms = debt.kind === 'bank' ? '展期三年，2023年起每年末等额还本，利率按同期贷款市场报价利率执行' : '签订分期还款协议，2023年至2027年每年末等额偿还';
      return { service: method, date: resolvedOn, input: { ...base, toAccount: '221', terms, ...(reduction.isPositive() ? { reduction: reduction.toString() } : {}) } };
    }
    case 'writeOffDebt': {
      const approvedOn = [debt.record.recordedOn, addDays(resolvedOn, -intBetween(random, 2, 10))].sort()[1] ?? resolvedOn;
      const approval = { body: 'representatives-assembly' as const, approvedOn, resolution: `${debt.village.name}成员代表会议决议〔2022〕${n}号` };
      return { service: method, date: resolvedOn, input: { ...base, approval } };
    }
  }
};

/**
 * The resolutions, from April to June 2022: debts taken in a drawn order are
 * resolved in full while the total stays within DEBT_RESOLVED, the next one in
 * part to make it up exactly, the rest left outstanding. Each by the method
 * its kind suggests (an offset only against receivables the village holds,
 * else repaid), and about one in four in two parts: repaid in part, then the
 * rest written off with the members' representatives' approval.
 */
export const debtResolutions = (planned: readonly PlannedDebt[], receivables: ReadonlyMap<string, Money>, random: Random): DebtStep[] => {
  const steps: DebtStep[] = [];
  const offsetRoom = new Map([...receivables].map(([id, m]) => [id, percentOf(m, 60)] as const));
  let left = DEBT_RESOLVED;
  for (const debt of shuffled(planned, random)) {
    if (!left.isPositive()) break;
    const part = debt.amount.lte(left) ? debt.amount : left;
    left = left.minus(part);
    const id = debt.village.organizationId;
    const first = dayBetween(random, addDays(debt.record.recordedOn, 15), '2022-06-20');
    const n = steps.filter((s) => s.input.organizationId === id).length + 1;
    if (random() < 0.25 && part.gte(Money.of('1000'))) {
      const [repaid = Money.zero, rest = Money.zero] = allocate(part, [String(intBetween(random, 30, 70)), '50']);
      steps.push(
        stepOf(debt, { method: 'repayDebt', amount: repaid, resolvedOn: first, n }, random),
        stepOf(debt, { method: 'writeOffDebt', amount: rest, resolvedOn: dayBetween(random, addDays(first, 1), '2022-06-30'), n: n + 1 }, random),
      );
      continue;
    }
    const wanted = methodOf(debt.kind, random);
    const room = offsetRoom.get(id) ?? Money.zero;
    const method = wanted === 'offsetDebt' && part.gt(room) ? 'repayDebt' : wanted;
    if (method === 'offsetDebt') offsetRoom.set(id, room.minus(part));
    steps.push(stepOf(debt, { method, amount: part, resolvedOn: first, n }, random));
  }
  return steps;
};
