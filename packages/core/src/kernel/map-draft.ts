import type { PersistentMap } from './persistent-map.js';

/**
 * The changes a batch of events makes to a persistent map, gathered in a
 * native map of this draft's own and set into the base map once, at
 * `commit`: a projection folding a batch then makes one new map for the
 * batch rather than one per event. The base map is never changed. New keys
 * go last in the order first set, as setting them one by one would put them.
 */
export class MapDraft<K, V> {
  private readonly changes = new Map<K, V>();

  constructor(private readonly base: PersistentMap<K, V>) {}

  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    return changed !== undefined || this.changes.has(key) ? changed : this.base.get(key);
  }

  set(key: K, value: V): void {
    this.changes.set(key, value);
  }

  /** The base map with every change set; the base itself when nothing was. */
  commit(): PersistentMap<K, V> {
    let map = this.base;
    for (const [key, value] of this.changes) map = map.set(key, value);
    return map;
  }
}
