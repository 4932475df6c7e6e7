/**
 * What a store makes of a ledger file: the checked import, as
 * `collective-ledger import` runs it, and what verify then finds.
 */
import {
  booksRules,
  ChainBrokenLedgerError,
  coreCatalog,
  DuplicateLedgerEventError,
  importLedger,
  LedgerFormatError,
  verifyStore,
  type EventStore,
} from '@collective-ledger/core';

/** Accepted with its count of events, or refused with the words a user reads. */
export type ImportVerdict =
  | { readonly accepted: true; readonly events: number }
  | { readonly accepted: false; readonly message: string };

/** The refusals an import may answer with: each names its line. */
const isRefusal = (error: unknown): error is Error =>
  error instanceof LedgerFormatError || error instanceof ChainBrokenLedgerError || error instanceof DuplicateLedgerEventError;

/** Something in the fuzzer's own sense went wrong: a crash, a refusal without its line, books accepted that break a rule. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}

/**
 * Import `text` into `store` with the rules of the books and return the
 * verdict; throws FuzzFailure for any crash (an error that is not one of the
 * import's refusals), a refusal that names no line, or an accepted import
 * after which verify finds anything but warnings.
 */
export const importVerdict = async (store: EventStore, text: string): Promise<ImportVerdict> => {
  try {
    const imported = await importLedger(store, async function* () { yield text; }, coreCatalog, { rules: booksRules() });
    const verified = await verifyStore(store);
    const errors = verified.findings.filter((finding) => finding.severity !== 'warning');
    if (errors.length > 0) {
      throw new FuzzFailure(`accepted, then verify found ${errors.length} problems: ${errors.map((f) => `${f.rule} ${f.message}`).join('; ').slice(0, 400)}`);
    }
    return { accepted: true, events: imported.events };
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (!isRefusal(error)) throw new FuzzFailure(`crashed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 600));
    if (!/^line \d+: |\bline \d+: /.test(error.message)) throw new FuzzFailure(`refused without naming the line: ${error.message.slice(0, 300)}`);
    return { accepted: false, message: error.message };
  }
};
