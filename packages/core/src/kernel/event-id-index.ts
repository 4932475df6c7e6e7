/**
 * The ids of the events a store holds, for the question every append asks of
 * each of its events: is this id stored already? A Set of the id strings
 * answers it too, but with a million ids each lookup misses the cache several
 * times and the garbage collector walks a million entries at every full
 * collection. This keeps, for each id, a 32-bit fingerprint and the position
 * of its event, side by side in one typed array (which the collector never
 * walks), and compares the id itself (`idAt`) only when a fingerprint matches.
 * Ids are only ever added, never removed.
 */
export class EventIdIndex {
  /** Pairs: the fingerprint of an id, then its event's position plus one (0: an empty slot). */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private count = 0;

  /** `idAt(position)`: the id of the event at `position`, as `add` was told. */
  constructor(private readonly idAt: (position: number) => string) {}

  get size(): number {
    return this.count;
  }

  /** Whether `id` was added. */
  has(id: string): boolean {
    const fingerprint = fingerprintOf(id);
    const slots = this.slots;
    for (let slot = fingerprint & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = slots[2 * slot + 1] ?? 0;
      if (stored === 0) return false;
      if (slots[2 * slot] === fingerprint && this.idAt(stored - 1) === id) return true;
    }
  }

  /** Add `id`, not added before, as the id of the event at `position` (0 to 2^31 - 2). */
  add(id: string, position: number): void {
    if (4 * (this.count + 1) > 3 * (this.mask + 1)) this.grow();
    this.place(fingerprintOf(id), position + 1);
    this.count += 1;
  }

  private place(fingerprint: number, stored: number): void {
    const slots = this.slots;
    let slot = fingerprint & this.mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    slots[2 * slot] = fingerprint;
    slots[2 * slot + 1] = stored;
  }

  /** Twice the slots, every entry placed again by its fingerprint alone: no id is read. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = this.slots.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) {
      const stored = old[i + 1] ?? 0;
      if (stored !== 0) this.place(old[i] ?? 0, stored);
    }
  }
}

/** A 32-bit hash of every character of `id` (FNV-1a, then mixed so that its low bits, which pick the slot, depend on all of them). */
const fingerprintOf = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
};
