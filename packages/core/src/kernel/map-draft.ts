import type { PersistentMap } from './persistent-map.js';

/**
 * The changes a batch of events makes to a persistent map, gathered in
 * native maps of this draft's own and made to the base map once, at
 * `commit`: a projection folding a batch then makes one new map for the
 * batch rather than one per event. The base map is never changed. The map
 * committed reads exactly as the same sets and deletes made one by one
 * would leave it, in the same order: a key of the base set again keeps its
 * place; a new key, or one deleted and set again, goes last in the order
 * last added.
 */
export class MapDraft<K, V> {
  /** Keys of the base set again, still in place. */
  private readonly updated = new Map<K, V>();
  /** Keys added (new, or deleted from the base and set again), in the order added. */
  private readonly added = new Map<K, V>();
  /** Keys of the base deleted (and perhaps added again since). */
  private readonly deleted = new Set<K>();

  constructor(private readonly base: PersistentMap<K, V>) {}

  get(key: K): V | undefined {
    if (this.added.has(key)) return this.added.get(key);
    if (this.deleted.has(key)) return undefined;
    return this.updated.has(key) ? this.updated.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.added.has(key) || (!this.deleted.has(key) && this.base.has(key));
  }

  set(key: K, value: V): void {
    if (this.added.has(key) || this.deleted.has(key) || !this.base.has(key)) this.added.set(key, value);
    else this.updated.set(key, value);
  }

  delete(key: K): void {
    this.added.delete(key);
    if (!this.base.has(key)) return;
    this.updated.delete(key);
    this.deleted.add(key);
  }

  /** The base map with every change made; the base itself when nothing was. */
  commit(): PersistentMap<K, V> {
    let map = this.base;
    for (const key of this.deleted) map = map.delete(key);
    for (const [key, value] of this.updated) map = map.set(key, value);
    for (const [key, value] of this.added) map = map.set(key, value);
    return map;
  }
}
