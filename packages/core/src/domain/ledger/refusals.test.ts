import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { testBooks } from './test-books.js';

type Books = Awaited<ReturnType<typeof testBooks>>;
type Line = readonly [account: string, side: 'debit' | 'credit', amount: string];

const RENT: readonly Line[] = [['102', 'debit', '8000.00'], ['501', 'credit', '8000.00']];

/** Post through the service and expect a refusal: its code, its message, and not one event more in the store. */
const refused = async (books: Books, post: () => Promise<unknown>, code: string, message: unknown): Promise<void> => {
  const before = books.store.size;
  const result = (await post()) as { _tag: 'Left'; left: { code: string; message: string } } | { _tag: 'Right' };
  expect(result._tag).toBe('Left');
  if (result._tag === 'Left') expect(result.left).toMatchObject({ code, message });
  expect(books.store.size).toBe(before);
};

describe('a voucher is refused with a clear error and nothing is written', () => {
  it.each<[string, readonly Line[], string]>([
    ['fewer than two lines', [['102', 'debit', '1.00']], 'lines: a voucher needs at least two lines, got 1'],
    ['debits different from credits', [['102', 'debit', '1.00'], ['501', 'credit', '1.01']], 'lines: debits 1.00 differ from credits 1.01'],
    ['only debit lines', [['102', 'debit', '1.00'], ['101', 'debit', '1.00']], 'lines: a voucher needs at least one debit and one credit line'],
    ['a zero amount', [['102', 'debit', '0.00'], ['501', 'credit', '0.00']], 'lines[0].amount: expected a yuan amount greater than 0, got "0.00"'],
    ['a negative amount', [['102', 'debit', '-5.00'], ['501', 'credit', '-5.00']], 'lines[0].amount: expected a yuan amount greater than 0, got "-5.00"'],
    ['an amount finer than the fen', [['102', 'debit', '1.005'], ['501', 'credit', '1.005']], 'lines[0].amount: expected a yuan amount with at most 2 decimals, got "1.005"'],
  ])('%s', async (_label, lines, message) => {
    const books = await testBooks();
    await refused(books, () => books.voucher('记-1', '2023-03-01', lines), 'INVALID_INPUT', expect.stringContaining(message));
  });

  it('an account that is not in the chart', async () => {
    const books = await testBooks();
    await refused(
      books,
      () => books.voucher('记-1', '2023-03-01', [['102', 'debit', '1.00'], ['599', 'credit', '1.00']]),
      'VOUCHER_ACCOUNT_UNKNOWN',
      'lines[1].account: 599 is not in the chart of accounts of v',
    );
  });

  it('an account that has sub-accounts (only leaves are posted to)', async () => {
    const books = await testBooks();
    expect(isRight(await books.subAccount('15101', '经营性固定资产'))).toBe(true);
    expect(isRight(await books.subAccount('15102', '非经营性固定资产'))).toBe(true);
    await refused(
      books,
      () => books.voucher('记-1', '2023-03-01', [['151', 'debit', '1.00'], ['102', 'credit', '1.00']]),
      'VOUCHER_ACCOUNT_NOT_LEAF',
      'lines[0].account: 151 has sub-accounts (15101, 15102); post to one of them',
    );
    expect(isRight(await books.voucher('记-1', '2023-03-01', [['15101', 'debit', '1.00'], ['102', 'credit', '1.00']]))).toBe(true);
  });

  it('a date in a closed year', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-03-01', RENT))).toBe(true);
    expect(isRight(await books.close(2023))).toBe(true);
    await refused(
      books,
      () => books.voucher('记-2', '2023-12-31', RENT),
      'VOUCHER_YEAR_CLOSED',
      'date: 2023 is closed for v; post the correction in the open year with adjustsYear: 2023',
    );
  });

  it('an adjustment that names its own or a later year', async () => {
    const books = await testBooks();
    await refused(
      books,
      () => books.voucher('记-1', '2023-03-01', RENT, { adjustsYear: 2023 }),
      'VOUCHER_ADJUSTS_OPEN_YEAR',
      "adjustsYear: 2023 is not before the voucher's year 2023",
    );
  });

  it('a voucher number already used in the year', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-03-01', RENT))).toBe(true);
    await refused(books, () => books.voucher('记-1', '2023-04-01', RENT), 'VOUCHER_NUMBER_TAKEN', 'voucherNo: 记-1 is already posted in 2023');
  });
});

describe('a posted voucher is never edited: it is reversed (冲销) by a voucher that points to it', () => {
  const REVERSAL: readonly Line[] = [['501', 'debit', '8000.00'], ['102', 'credit', '8000.00']];

  it('accepts the mirror of the original, in any line order, and the books net to nothing', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-03-01', RENT))).toBe(true);
    const reversal = await books.voucher('记-2', '2023-03-02', [...REVERSAL].reverse(), { reverses: '记-1' });
    expect(isRight(reversal)).toBe(true);
    expect(isRight(await books.close(2023))).toBe(true);
    const closed = (await books.events('ledger-v-2023')).find((e) => e.type === 'YearClosed');
    expect(closed?.data).toMatchObject({ netIncome: '0.00', entries: [], carried: [] });
  });

  it('refuses a reversal of an unknown voucher', async () => {
    const books = await testBooks();
    await refused(books, () => books.voucher('记-2', '2023-03-02', REVERSAL, { reverses: '记-9' }), 'VOUCHER_REVERSES_UNKNOWN', 'reverses: no voucher 记-9 in 2023');
  });

  it('refuses a reversal whose lines do not undo the original', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-03-01', RENT))).toBe(true);
    const partial: readonly Line[] = [['501', 'debit', '7000.00'], ['102', 'credit', '7000.00']];
    await refused(
      books,
      () => books.voucher('记-2', '2023-03-02', partial, { reverses: '记-1' }),
      'VOUCHER_REVERSAL_MISMATCH',
      'lines: a reversal of 记-1 must have its lines with debit and credit swapped: 102 credit 8000.00, 501 debit 8000.00',
    );
    await refused(books, () => books.voucher('记-2', '2023-03-02', RENT, { reverses: '记-1' }), 'VOUCHER_REVERSAL_MISMATCH', expect.stringContaining('swapped'));
  });

  it('refuses to reverse a voucher twice, or to reverse a reversal', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-03-01', RENT))).toBe(true);
    expect(isRight(await books.voucher('记-2', '2023-03-02', REVERSAL, { reverses: '记-1' }))).toBe(true);
    await refused(books, () => books.voucher('记-3', '2023-03-03', REVERSAL, { reverses: '记-1' }), 'VOUCHER_ALREADY_REVERSED', 'reverses: 记-1 was already reversed by 记-2');
    await refused(
      books,
      () => books.voucher('记-3', '2023-03-03', RENT, { reverses: '记-2' }),
      'VOUCHER_REVERSES_REVERSAL',
      'reverses: 记-2 is itself the reversal of 记-1; post the entry again as a new voucher',
    );
    expect(isRight(await books.voucher('记-3', '2023-03-03', RENT))).toBe(true);
  });
});

describe('an account posted to before it had sub-accounts', () => {
  const BUY: readonly Line[] = [['151', 'debit', '30000.00'], ['102', 'credit', '30000.00']];

  it('moves its own balance into the sub-accounts, and then takes no more postings', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-02-01', BUY))).toBe(true);
    expect(isRight(await books.subAccount('15101', '经营性固定资产'))).toBe(true);
    expect(isRight(await books.subAccount('15102', '非经营性固定资产'))).toBe(true);
    const split = await books.voucher('记-2', '2023-02-02', [['15101', 'debit', '20000.00'], ['15102', 'debit', '10000.00'], ['151', 'credit', '30000.00']]);
    expect(isRight(split)).toBe(true);
    await refused(
      books,
      () => books.voucher('记-3', '2023-02-03', [['15101', 'debit', '1.00'], ['151', 'credit', '1.00']]),
      'VOUCHER_ACCOUNT_NOT_LEAF',
      'lines[1].account: 151 has sub-accounts (15101, 15102); post to one of them',
    );
  });

  it('refuses to add to that balance or to move more than it holds', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-02-01', BUY))).toBe(true);
    expect(isRight(await books.subAccount('15101', '经营性固定资产'))).toBe(true);
    const hint = 'lines[0].account: 151 has sub-accounts (15101); post to one of them; its own balance of 30000.00 from before them may only be moved into them';
    await refused(books, () => books.voucher('记-2', '2023-03-01', BUY), 'VOUCHER_ACCOUNT_NOT_LEAF', hint);
    await refused(
      books,
      () => books.voucher('记-2', '2023-03-01', [['151', 'credit', '30000.01'], ['15101', 'debit', '30000.01']]),
      'VOUCHER_ACCOUNT_NOT_LEAF',
      hint,
    );
  });

  it('finds the balance carried from a closed year', async () => {
    const books = await testBooks();
    expect(isRight(await books.voucher('记-1', '2023-02-01', BUY))).toBe(true);
    expect(isRight(await books.close(2023))).toBe(true);
    expect(isRight(await books.subAccount('15101', '经营性固定资产'))).toBe(true);
    expect(isRight(await books.voucher('记-1', '2024-01-02', [['15101', 'debit', '30000.00'], ['151', 'credit', '30000.00']]))).toBe(true);
  });
});
