import * as fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { editDistance } from '../codecs/did-you-mean.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import { assets, debts, land, ledger, organization, shares } from '../index.js';
import { validateInput } from '../kernel/validate.js';

/** Plain JSON all the way down: no `any`, no `unknown`, no brand, no object with methods (Money). */
type IsAny<T> = 0 extends 1 & T ? true : false;
type Plain<T> =
  IsAny<T> extends true
    ? false
    : unknown extends T
      ? false
      : T extends t.Brand<unknown>
        ? false
        : T extends string | number | boolean
          ? true
          : T extends readonly (infer E)[]
            ? Plain<E>
            : T extends (...args: never[]) => unknown
              ? false
              : T extends object
                ? false extends { [K in keyof T]-?: Plain<Exclude<T[K], undefined>> }[keyof T]
                  ? false
                  : true
                : false;

/** One valid input of every command, typed as the plain-JSON form a caller writes. */
const samples = {
  'ledger.PostVoucherInput': {
    organizationId: 'v',
    voucherNo: '记-001',
    date: '2024-01-05',
    summary: '收到承包费',
    lines: [
      { account: '102', side: 'debit', amount: '100.00' },
      { account: '501', side: 'credit', amount: '100.00', memo: '东山' },
    ],
  } satisfies ledger.PostVoucherInput,
  'ledger.CloseYearInput': { organizationId: 'v', year: 2023 } satisfies ledger.CloseYearInput,
  'ledger.DeclareSubAccountInput': { organizationId: 'v', code: '10201', nameZh: '农商银行', nameEn: 'Rural bank' } satisfies ledger.DeclareSubAccountInput,
  'ledger.AllowBankOverdraftInput': { organizationId: 'v', account: '10201' } satisfies ledger.AllowBankOverdraftInput,
  'assets.RegisterResourceAssetInput': {
    organizationId: 'v', assetId: 'r1', name: '东山荒坡', kind: 'waste-land', area: '120.5000', registeredOn: '2023-01-01', identifiedBy: 'register',
  } satisfies assets.RegisterResourceAssetInput,
  'assets.RecordResourceIncomeInput': {
    organizationId: 'v', assetId: 'r1', receivedOn: '2023-03-01', amount: '1200.00', summary: '承包费',
  } satisfies assets.RecordResourceIncomeInput,
  'assets.AcquireFixedAssetInput': {
    organizationId: 'v', assetId: 'b1', name: '房屋', category: 'operating', acquisition: 'purchase', acquiredOn: '2023-01-15', cost: '12000.00',
    usefulLifeMonths: 120, residualRate: '5', method: 'straight-line', chargeAccount: '51101',
  } satisfies assets.AcquireFixedAssetInput,
  'assets.ChargeDepreciationInput': {
    organizationId: 'v', month: '2023-02', usage: [{ assetId: 't1', units: '10' }], assetIds: ['b1'],
  } satisfies assets.ChargeDepreciationInput,
  'assets.RevalueFixedAssetInput': {
    organizationId: 'v', assetId: 'b1', revaluedOn: '2023-06-30', change: '-100.00', reason: 'appraisal',
  } satisfies assets.RevalueFixedAssetInput,
  'assets.ReclassifyFixedAssetInput': {
    organizationId: 'v', assetId: 'b1', reclassifiedOn: '2023-06-30', to: 'non-operating', chargeAccount: '51401', reason: '改作村委会办公',
  } satisfies assets.ReclassifyFixedAssetInput,
  'assets.DisposeFixedAssetInput': {
    organizationId: 'v', assetId: 'b1', disposedOn: '2023-09-30', disposal: 'sale', proceeds: '500.00',
  } satisfies assets.DisposeFixedAssetInput,
  'assets.MakeLongTermInvestmentInput': {
    organizationId: 'v', investmentId: 'i1', investee: '合作社', madeOn: '2023-02-01', amount: '5000.00',
  } satisfies assets.MakeLongTermInvestmentInput,
  'assets.RecoverLongTermInvestmentInput': {
    organizationId: 'v', investmentId: 'i1', recoveredOn: '2023-12-01', proceeds: '5200.00',
  } satisfies assets.RecoverLongTermInvestmentInput,
  'shares.AdoptCharterInput': {
    organizationId: 'v', adoptedOn: '2022-01-10', resolution: '成员大会决议', classes: [{ classId: 'p', nameZh: '成员股', heldBy: 'member' }],
    reservePercent: '10', onLeaving: 'keep', transfersAllowed: true,
  } satisfies shares.AdoptCharterInput,
  'shares.QuantifySharesInput': {
    organizationId: 'v', baseDate: '2022-01-31', resolution: '折股量化', operatingNetAssets: '100000.00', allotments: [{ classId: 'p', shares: '1', memberId: 'm1' }],
  } satisfies shares.QuantifySharesInput,
  'shares.TransferSharesInput': {
    organizationId: 'v', fromMemberId: 'm1', toMemberId: 'm2', classId: 'p', shares: '0.5', transferredOn: '2022-06-01',
  } satisfies shares.TransferSharesInput,
  'shares.InheritSharesInput': { organizationId: 'v', fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-06-01' } satisfies shares.InheritSharesInput,
  'shares.WithdrawSharesInput': { organizationId: 'v', memberId: 'm1', withdrawnOn: '2022-06-01' } satisfies shares.WithdrawSharesInput,
  'shares.DistributeIncomeInput': {
    organizationId: 'v', year: 2023, approvedOn: '2024-03-01', resolution: '收益分配方案',
    steps: [{ kind: 'dividends', account: '32203', amount: '1000.00', recordDate: '2024-02-29', weights: [{ classId: 'p', weight: '1' }] }],
  } satisfies shares.DistributeIncomeInput,
  'shares.PayDividendsInput': {
    organizationId: 'v', year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1', amount: '10.00' }],
  } satisfies shares.PayDividendsInput,
  'organization.RegisterOrganizationInput': {
    organizationId: 'v', kind: 'village', code: '140105', name: '张家村', parentId: 't',
  } satisfies organization.RegisterOrganizationInput,
  'organization.RegisterHouseholdInput': { organizationId: 'v', householdId: 'h1', head: '李桂兰' } satisfies organization.RegisterHouseholdInput,
  'organization.AdmitMemberInput': {
    organizationId: 'v', memberId: 'm1', householdId: 'h1', name: '刘芳', joinedOn: '2022-05-20', reason: 'marriage',
  } satisfies organization.AdmitMemberInput,
  'organization.RecordMemberLeavingInput': {
    organizationId: 'v', memberId: 'm1', leftOn: '2023-05-20', reason: 'moving-away', note: '迁往太原',
  } satisfies organization.RecordMemberLeavingInput,
  'organization.MoveMemberInput': { organizationId: 'v', memberId: 'm1', toHouseholdId: 'h2', movedOn: '2023-01-01' } satisfies organization.MoveMemberInput,
  'organization.ForgetMemberInput': { organizationId: 'v', memberId: 'm1', erasedOn: '2024-05-01', reason: '本人申请删除个人信息' } satisfies organization.ForgetMemberInput,
  'organization.ForgetHouseholdInput': { organizationId: 'v', householdId: 'h1', erasedOn: '2024-05-01', reason: '户主申请删除个人信息' } satisfies organization.ForgetHouseholdInput,
  'debts.RecordDebtInput': {
    organizationId: 'v', debtId: 'd1', creditor: { name: '农商银行', kind: 'bank' }, origin: 'borrowing', account: '201', amount: '1000.00', recordedOn: '2023-02-01',
  } satisfies debts.RecordDebtInput,
  'debts.RepayDebtInput': { organizationId: 'v', debtId: 'd1', resolvedOn: '2023-03-01', amount: '100.00', paidFrom: '102' } satisfies debts.RepayDebtInput,
  'debts.RestructureDebtInput': { organizationId: 'v', debtId: 'd1', resolvedOn: '2023-03-01', amount: '100.00', toAccount: '221', terms: '展期' } satisfies debts.RestructureDebtInput,
  'debts.OffsetDebtInput': { organizationId: 'v', debtId: 'd1', resolvedOn: '2023-03-01', amount: '100.00' } satisfies debts.OffsetDebtInput,
  'debts.WriteOffDebtInput': {
    organizationId: 'v', debtId: 'd1', resolvedOn: '2023-03-01', amount: '100.00', approval: { body: 'members-assembly', approvedOn: '2023-02-20', resolution: '决议' },
  } satisfies debts.WriteOffDebtInput,
  'land.ContractParcelInput': {
    organizationId: 'v', parcelId: 'p1', householdId: 'h1', area: '4.5000', kind: 'paddy', contractedOn: '2016-01-01', contractStartsOn: '2016-01-01', contractEndsOn: '2045-12-31',
    certificate: { number: '确权-001', issuedOn: '2017-05-01' },
  } satisfies land.ContractParcelInput,
  'land.CertifyParcelInput': { organizationId: 'v', parcelId: 'p1', certifiedOn: '2017-05-01', certificate: { number: '确权-001', issuedOn: '2017-05-01', issuedBy: '县农业农村局' } } satisfies land.CertifyParcelInput,
  'land.SplitParcelInput': { organizationId: 'v', parcelId: 'p1', splitOn: '2018-01-10', into: [{ parcelId: 'p1a', area: '3.0000' }, { parcelId: 'p1b', area: '1.5000' }] } satisfies land.SplitParcelInput,
  'land.MergeParcelsInput': { organizationId: 'v', parcelIds: ['p1a', 'p1b'], mergedOn: '2018-02-01', into: 'p2' } satisfies land.MergeParcelsInput,
  'land.TransferLandInput': {
    organizationId: 'v', transferId: 't1', operator: { name: '猕猴桃公司', kind: 'company' }, channel: 'collective', signedOn: '2018-03-01', startsOn: '2018-03-01', endsOn: '2027-12-31',
    parcels: [{ parcelId: 'p2', area: '4.5000' }], consents: [{ householdId: 'h1', signedOn: '2018-02-01', document: '同意书-h1' }],
    terms: { kind: 'grain', kgPerMu: '400', pricePerKg: '2.4', reviewDates: ['2021-01-01'] }, dueDates: ['2018-12-31', '2019-12-31'], serviceFeePerMu: '20.00',
  } satisfies land.TransferLandInput,
  'land.TerminateLandTransferInput': { organizationId: 'v', transferId: 't1', terminatedOn: '2020-06-30', reason: 'operator-gone', note: '公司撤出' } satisfies land.TerminateLandTransferInput,
  'land.RenewLandTransferInput': {
    organizationId: 'v', transferId: 't1', renewedOn: '2027-06-01', endsOn: '2032-12-31', dueDates: ['2028-12-31'], consents: [{ householdId: 'h1', signedOn: '2027-05-01', document: '续约同意书-h1' }],
  } satisfies land.RenewLandTransferInput,
  'land.ReassignLandTransferInput': {
    organizationId: 'v', transferId: 't1', newTransferId: 't2', reassignedOn: '2020-07-01', operator: { name: '果业合作社', kind: 'cooperative' }, consents: [{ householdId: 'h1', signedOn: '2020-06-01', document: '再流转同意书-h1' }],
  } satisfies land.ReassignLandTransferInput,
  'land.ReviewGrainPriceInput': { organizationId: 'v', transferId: 't1', reviewedOn: '2020-12-01', effectiveFrom: '2021-01-01', pricePerKg: '2.6' } satisfies land.ReviewGrainPriceInput,
  'land.DeclareLandDividendInput': { organizationId: 'v', transferId: 't1', year: 2019, declaredOn: '2020-01-15', amount: '301.00' } satisfies land.DeclareLandDividendInput,
  'land.PayHouseholdInput': { organizationId: 'v', paymentId: 'r1', transferId: 't1', householdId: 'h1', part: 'dividend', paidOn: '2020-01-20', amount: '150.50', year: 2019 } satisfies land.PayHouseholdInput,
  'land.RecordWagesInput': {
    organizationId: 'v', paymentId: 'w1', memberId: 'm1', householdId: 'h1', employer: { name: '猕猴桃公司', kind: 'company' }, paidOn: '2019-03-31', amount: '4100.00', period: '2019-03',
  } satisfies land.RecordWagesInput,
  'land.CollectLandRentInput': { organizationId: 'v', transferId: 't1', collectedOn: '2018-12-20', amount: '4410.00', serviceFee: '90.00', receivedInto: '102', heldAccount: '113', feeAccount: '501' } satisfies land.CollectLandRentInput,
  'land.PayOnLandIncomeInput': { organizationId: 'v', transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount: '4320.00', paidFrom: '102' } satisfies land.PayOnLandIncomeInput,
  'land.ReceiveLandServiceFeeInput': { organizationId: 'v', transferId: 't1', receivedOn: '2019-01-10', amount: '90.00', voucherNo: '地-003', note: '2018年服务费' } satisfies land.ReceiveLandServiceFeeInput,
};

/** Every codec the namespaces export under a name ending in `Input`: a new command cannot slip past. */
const inputCodecs = Object.entries({ ledger, assets, shares, organization, debts, land }).flatMap(([namespace, members]) =>
  Object.entries(members as Record<string, unknown>)
    .filter((entry): entry is [string, t.Mixed] => entry[0].endsWith('Input') && entry[1] instanceof t.Type)
    .map(([name, codec]) => ({ name: `${namespace}.${name}`, codec })),
);

const sampleOf = (name: string): Record<string, unknown> => {
  const sample = (samples as Record<string, Record<string, unknown> | undefined>)[name];
  if (sample === undefined) throw new Error(`no sample input for ${name}: add one to samples`);
  return sample;
};

const problemsOf = (codec: t.Mixed, input: unknown): readonly string[] => {
  const result = validateInput(codec, input);
  return result._tag === 'Left' ? result.left.problems : [];
};

describe('command inputs', () => {
  it('are plain JSON types: strings, numbers, booleans, arrays and objects of them', () => {
    expectTypeOf<Plain<ledger.PostVoucherInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<ledger.CloseYearInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<ledger.DeclareSubAccountInput | ledger.AllowBankOverdraftInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<assets.RegisterResourceAssetInput | assets.RecordResourceIncomeInput | assets.AcquireFixedAssetInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<assets.ChargeDepreciationInput | assets.RevalueFixedAssetInput | assets.ReclassifyFixedAssetInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<assets.DisposeFixedAssetInput | assets.MakeLongTermInvestmentInput | assets.RecoverLongTermInvestmentInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<shares.AdoptCharterInput | shares.QuantifySharesInput | shares.TransferSharesInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<shares.InheritSharesInput | shares.WithdrawSharesInput | shares.DistributeIncomeInput | shares.PayDividendsInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<organization.RegisterOrganizationInput | organization.RegisterHouseholdInput | organization.AdmitMemberInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<organization.RecordMemberLeavingInput | organization.MoveMemberInput | organization.ForgetMemberInput | organization.ForgetHouseholdInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<debts.RecordDebtInput | debts.RepayDebtInput | debts.RestructureDebtInput | debts.OffsetDebtInput | debts.WriteOffDebtInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<land.ContractParcelInput | land.CertifyParcelInput | land.SplitParcelInput | land.MergeParcelsInput | land.TransferLandInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<land.TerminateLandTransferInput | land.RenewLandTransferInput | land.ReassignLandTransferInput | land.ReviewGrainPriceInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<land.DeclareLandDividendInput | land.PayHouseholdInput | land.RecordWagesInput>>().toEqualTypeOf<true>();
    expectTypeOf<Plain<land.CollectLandRentInput | land.PayOnLandIncomeInput | land.ReceiveLandServiceFeeInput>>().toEqualTypeOf<true>();
    // The check itself tells plain from decoded.
    expectTypeOf<Plain<ledger.PostVoucherInputValue>>().toEqualTypeOf<false>();
    expectTypeOf<Plain<{ readonly x: unknown }>>().toEqualTypeOf<false>();
  });

  it('has a sample for every input codec, and each sample is accepted', () => {
    expect(inputCodecs.map((c) => c.name).sort()).toEqual(Object.keys(samples).sort());
    for (const { name, codec } of inputCodecs) expect(problemsOf(codec, sampleOf(name)), name).toEqual([]);
  });

  it.each(inputCodecs)('$name refuses a key it does not know', ({ name, codec }) => {
    expect(problemsOf(codec, { ...sampleOf(name), zzExtra: 1 })).toEqual(['zzExtra: unknown field']);
  });

  it.each(inputCodecs)('$name refuses a key it does not know inside its arrays', ({ name, codec }) => {
    const sample = sampleOf(name);
    for (const [key, value] of Object.entries(sample)) {
      if (!Array.isArray(value) || typeof value[0] !== 'object') continue;
      const first = value[0] as Record<string, unknown>;
      expect(problemsOf(codec, { ...sample, [key]: [{ ...first, zzExtra: 1 }, ...(value as unknown[]).slice(1)] })).toEqual([`${key}[0].zzExtra: unknown field`]);
    }
  });
});

describe('strict input validation', () => {
  const voucher = sampleOf('ledger.PostVoucherInput');
  const lines = voucher.lines as Record<string, unknown>[];

  it('names the field a typo probably meant, with the codec problems it causes', () => {
    expect(problemsOf(ledger.PostVoucherInput, { ...voucher, reverse: '记-000' })).toEqual(['reverse: unknown field; did you mean reverses?']);
    const [first, ...rest] = lines;
    const { account, ...withoutAccount } = first ?? {};
    expect(problemsOf(ledger.PostVoucherInput, { ...voucher, lines: [{ ...withoutAccount, acount: account }, ...rest] })).toEqual([
      'lines[0].account: expected an account code (3 digits, optionally followed by pairs of digits), got nothing',
      'lines[0].acount: unknown field; did you mean account?',
    ]);
    expect(problemsOf(ledger.PostVoucherInput, { ...voucher, note: 'x', voucher_no: 'x', OrganizationID: 'x' })).toEqual([
      'note: unknown field',
      'voucher_no: unknown field; did you mean voucherNo?',
      'OrganizationID: unknown field; did you mean organizationId?',
    ]);
  });

  it('keeps the INVALID_INPUT format, every problem in the message', () => {
    const result = validateInput(ledger.PostVoucherInput, { ...voucher, date: '2024-02-30', reverse: '记-000' }, 'input');
    expect(result).toEqual({
      _tag: 'Left',
      left: {
        code: 'INVALID_INPUT',
        message: 'input.date: expected a date YYYY-MM-DD, got "2024-02-30"; input.reverse: unknown field; did you mean reverses?',
        problems: ['input.date: expected a date YYYY-MM-DD, got "2024-02-30"', 'input.reverse: unknown field; did you mean reverses?'],
      },
    });
  });

  it('leaves the event codecs tolerant: a stored voucher may hold old keys', () => {
    expect(ledger.VoucherData.decode({ ...voucher, note: 'old' })._tag).toBe('Right');
  });

  const far = (key: string, fields: readonly string[]): boolean =>
    fields.every((field) => editDistance(key.toLowerCase().replace(/[_-]/g, ''), field.toLowerCase().replace(/[_-]/g, '')) > 4);

  it.each(inputCodecs)('$name: any valid input with a key far from every field is refused naming that key', ({ name, codec }) => {
    const fields = [...Object.keys(sampleOf(name)), ...fieldNamesOf(codec)];
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{5,15}$/), fc.jsonValue(), (key, value) => {
        fc.pre(far(key, fields));
        expect(problemsOf(codec, { ...sampleOf(name), [key]: value })).toEqual([`${key}: unknown field`]);
      }),
      { numRuns: 100 },
    );
  });

  it.each(inputCodecs)('$name: an input without extra keys is judged as by its codec alone, a valid one accepted unchanged', ({ name, codec }) => {
    const sample = sampleOf(name);
    fc.assert(
      fc.property(fc.subarray(Object.keys(sample)), (dropped) => {
        const input = Object.fromEntries(Object.entries(sample).filter(([key]) => !dropped.includes(key)));
        const strict = validateInput(codec, input);
        const tolerant = codec.decode(input);
        expect(strict._tag).toBe(tolerant._tag);
        if (strict._tag === 'Right' && tolerant._tag === 'Right') {
          expect(strict.right).toEqual(tolerant.right);
          expect(codec.encode(strict.right)).toEqual(input);
        }
        if (strict._tag === 'Left' && tolerant._tag === 'Left') expect(strict.left.problems).toEqual(formatValidationErrors(tolerant.left));
      }),
      { numRuns: 50 },
    );
  });
});

/** Every field a struct-like codec names, required or optional (for "far from every field"). */
const fieldNamesOf = (codec: t.Mixed): string[] => {
  const c = codec instanceof t.RefinementType ? (codec.type as t.Mixed) : codec;
  if ('required' in c && 'optional' in c) return [...Object.keys(c.required as object), ...Object.keys(c.optional as object)];
  if (c instanceof t.InterfaceType) return Object.keys(c.props as object);
  return [];
};
