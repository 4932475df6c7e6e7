import { statSync } from 'node:fs';
import { LedgerChangedError } from './file-errors.js';
import { committedEndOf, identityOf } from './file-follow.js';
import { emptyState, LedgerBuild, ledgerFingerprint, openForReading, openIndexed, scanTail, type LedgerState } from './file-load.js';

/**
 * A store's state, loaded at its first use rather than when it opens: from
 * the index file when that still describes the ledger, otherwise by one scan
 * of the file that checks every line and writes the index again. A first
 * full read drives that scan itself (`scanToDrive`), so the file is read
 * once. A store that only reads (`readOnly`) loads what its writer's index
 * and the file's committed lines give, and reads on as the file grows.
 */
export class StoreState {
  private state: LedgerState | undefined;
  private building: LedgerBuild | undefined;
  private identity: string | undefined;

  constructor(
    private readonly path: string,
    private readonly exists: boolean,
    private readonly readOnly: boolean,
  ) {}

  /** The state, loaded if it was not. A scan that failed says so again at every later use: the same refusal each time. */
  ready(): LedgerState {
    if (this.state !== undefined) return this.state;
    if (this.building === undefined) {
      if (!this.exists) return (this.state = emptyState());
      if (this.readOnly) {
        this.identity = identityOf(this.path);
        return (this.state = openForReading(this.path, committedEndOf(this.path)));
      }
      const indexed = openIndexed(this.path);
      if (indexed !== undefined) return (this.state = indexed);
      this.building = this.newBuild();
    }
    this.state = this.building.complete();
    this.building = undefined;
    return this.state;
  }

  /** The scan a first full read may drive, when the state is not loaded and has to be built; undefined otherwise. */
  scanToDrive(): LedgerBuild | undefined {
    if (this.state !== undefined || this.readOnly || !this.exists) return this.building;
    if (this.building === undefined) {
      const indexed = openIndexed(this.path);
      if (indexed !== undefined) this.state = indexed;
      else this.building = this.newBuild();
    }
    return this.building;
  }

  /** The committed end: the store's own for a writer; a follower looks at the file and reads what was added. */
  committedBytes(): number {
    const state = this.ready();
    if (!this.readOnly) return state.bytes;
    const end = committedEndOf(this.path);
    if (identityOf(this.path) !== this.identity) throw new LedgerChangedError(this.path, 'the ledger file was replaced by another');
    if (end < state.bytes) throw new LedgerChangedError(this.path, `the ledger file was cut back from ${state.bytes} to ${end} bytes`);
    if (end > state.bytes) scanTail(this.path, state, end);
    return state.bytes;
  }

  /** Drop a scan under way and close the index file. */
  close(): void {
    this.building?.discard();
    this.building = undefined;
    this.state?.index.base?.close();
  }

  private newBuild(): LedgerBuild {
    return new LedgerBuild(this.path, statSync(this.path).size, ledgerFingerprint(this.path));
  }
}
