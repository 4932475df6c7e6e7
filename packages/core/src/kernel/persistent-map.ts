/**
 * An immutable map for the states of deciders and projections: `set` and
 * `delete` return a new map that shares all but one path of a 32-way hash
 * trie (HAMT) with the old, so a fold that keeps every version costs
 * O(log₃₂ n) per event instead of a copy. It is a `ReadonlyMap`, iterated in
 * insertion order like `Map` (reports list members, households and vouchers
 * in the order recorded), with keys compared by SameValueZero like `Map`.
 *
 * Written here rather than taken from npm: Immutable.js brings its own
 * collection types (and `toJS`), and what the states need is this one
 * `ReadonlyMap` with `set`/`delete`, in about 200 lines with no dependency.
 */
import { hashOf } from './persistent-hash.js';

/** An entry; `seq` is its insertion rank, fixed before the leaf is put into a trie. */
class Leaf {
  constructor(
    readonly hash: number,
    readonly key: unknown,
    readonly value: unknown,
    public seq: number,
  ) {}
}

/** A trie node: one bit of `bitmap` per 5-bit hash fragment present, children in fragment order. */
class Branch {
  constructor(
    readonly bitmap: number,
    readonly children: readonly Child[],
  ) {}
}

/** Entries whose whole 32-bit hashes are equal. */
class Collision {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf[],
  ) {}
}

type Child = Leaf | Branch | Collision;

const EMPTY_ROOT = new Branch(0, []);

const popcount = (bits: number): number => {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
};

/** SameValueZero, as `Map` compares keys. */
const sameKey = (a: unknown, b: unknown): boolean => a === b || (a !== a && b !== b);

const fragment = (hash: number, shift: number): number => (hash >>> shift) & 31;

const insertAt = <T>(items: readonly T[], index: number, item: T): T[] => [...items.slice(0, index), item, ...items.slice(index)];
const removeAt = <T>(items: readonly T[], index: number): T[] => [...items.slice(0, index), ...items.slice(index + 1)];
const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => {
  const copy = items.slice();
  copy[index] = item;
  return copy;
};

/** A node holding two entries (or an entry and a collision) whose hashes first differ at or after `shift`. */
const pair = (shift: number, a: Leaf | Collision, b: Leaf): Child => {
  if (a.hash === b.hash) return new Collision(a.hash, a instanceof Leaf ? [a, b] : [...a.leaves, b]);
  const fa = fragment(a.hash, shift);
  const fb = fragment(b.hash, shift);
  if (fa === fb) return new Branch(1 << fa, [pair(shift + 5, a, b)]);
  return new Branch((1 << fa) | (1 << fb), fa < fb ? [a, b] : [b, a]);
};

/** Replacing an entry keeps its rank; setting the value it already has changes nothing. */
const replaced = (old: Leaf, leaf: Leaf): Leaf => {
  leaf.seq = old.seq;
  return Object.is(old.value, leaf.value) ? old : leaf;
};

const setInCollision = (node: Collision, shift: number, leaf: Leaf): Child => {
  if (node.hash !== leaf.hash) return pair(shift, node, leaf);
  const index = node.leaves.findIndex((l) => sameKey(l.key, leaf.key));
  if (index < 0) return new Collision(node.hash, [...node.leaves, leaf]);
  const old = node.leaves[index] as Leaf;
  const next = replaced(old, leaf);
  return next === old ? node : new Collision(node.hash, replaceAt(node.leaves, index, next));
};

const setInChild = (child: Child, shift: number, leaf: Leaf): Child => {
  if (child instanceof Branch) return setIn(child, shift, leaf);
  if (child instanceof Collision) return setInCollision(child, shift, leaf);
  if (child.hash === leaf.hash && sameKey(child.key, leaf.key)) return replaced(child, leaf);
  return pair(shift, child, leaf);
};

function setIn(node: Branch, shift: number, leaf: Leaf): Branch {
  const bit = 1 << fragment(leaf.hash, shift);
  const index = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) return new Branch(node.bitmap | bit, insertAt(node.children, index, leaf));
  const child = node.children[index] as Child;
  const next = setInChild(child, shift + 5, leaf);
  return next === child ? node : new Branch(node.bitmap, replaceAt(node.children, index, next));
}

/** The node with `leaf` in the place of the entry of its key, which is known to be present: one walk down, no search for room. */
function replacedIn(node: Branch, shift: number, leaf: Leaf): Branch {
  const index = popcount(node.bitmap & ((1 << fragment(leaf.hash, shift)) - 1));
  const child = node.children[index] as Child;
  let next: Child = leaf;
  if (child instanceof Branch) next = replacedIn(child, shift + 5, leaf);
  else if (child instanceof Collision) next = new Collision(child.hash, replaceAt(child.leaves, child.leaves.findIndex((l) => sameKey(l.key, leaf.key)), leaf));
  return new Branch(node.bitmap, replaceAt(node.children, index, next));
}

const deleteInCollision = (node: Collision, hash: number, key: unknown): Child | undefined => {
  const index = node.hash === hash ? node.leaves.findIndex((l) => sameKey(l.key, key)) : -1;
  if (index < 0) return node;
  const rest = removeAt(node.leaves, index);
  return rest.length === 1 ? rest[0] : new Collision(node.hash, rest);
};

const deleteInChild = (child: Child, shift: number, hash: number, key: unknown): Child | undefined => {
  if (child instanceof Branch) return deleteIn(child, shift, hash, key);
  if (child instanceof Collision) return deleteInCollision(child, hash, key);
  return child.hash === hash && sameKey(child.key, key) ? undefined : child;
};

/** The node without `key`: itself when absent, `undefined` when emptied, its one entry when a branch below the root is left with one. */
function deleteIn(node: Branch, shift: number, hash: number, key: unknown): Child | undefined {
  const bit = 1 << fragment(hash, shift);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index] as Child;
  const next = deleteInChild(child, shift + 5, hash, key);
  if (next === child) return node;
  const children = next === undefined ? removeAt(node.children, index) : replaceAt(node.children, index, next);
  if (children.length === 0) return undefined;
  const only = children[0];
  if (shift > 0 && children.length === 1 && !(only instanceof Branch)) return only;
  return new Branch(next === undefined ? node.bitmap & ~bit : node.bitmap, children);
}

const find = (root: Branch, hash: number, key: unknown): Leaf | undefined => {
  let node: Child = root;
  for (let shift = 0; node instanceof Branch; shift += 5) {
    const bit = 1 << fragment(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))] as Child;
  }
  if (node instanceof Collision) return node.hash === hash ? node.leaves.find((l) => sameKey(l.key, key)) : undefined;
  return node.hash === hash && sameKey(node.key, key) ? node : undefined;
};

const collect = (node: Child, into: Leaf[]): void => {
  if (node instanceof Leaf) into.push(node);
  else if (node instanceof Collision) into.push(...node.leaves);
  else for (const child of node.children) collect(child, into);
};

/** Leaves in insertion order: by rank into slots when ranks are dense enough, else sorted. */
const inOrder = (root: Branch, size: number, ranks: number): readonly Leaf[] => {
  const leaves: Leaf[] = [];
  collect(root, leaves);
  if (ranks > 4 * size + 64) return leaves.sort((a, b) => a.seq - b.seq);
  const slots = new Array<Leaf | undefined>(ranks);
  for (const leaf of leaves) slots[leaf.seq] = leaf;
  return slots.filter((leaf): leaf is Leaf => leaf !== undefined);
};

/** Maps of at most this many entries put them in order on each reading, without caching it. */
const SMALL = 8;

// Outside the instances, so a frozen map (the test helper deep-freezes states) still caches its order.
const ORDER = new WeakMap<object, readonly Leaf[]>();

/** An immutable `ReadonlyMap`; `set`, `delete` and `update` return a new map sharing structure with this one. */
export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly root: Branch,
    readonly size: number,
    /** The rank the next new key gets: one more than every rank given in this map's history. */
    private readonly ranks: number,
  ) {}

  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(EMPTY_ROOT, 0, 0);
  }

  /** A map of these entries, in their order; a repeated key keeps its first place and its last value, as with `new Map`. */
  static from<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: K): V | undefined {
    return find(this.root, hashOf(key), key)?.value as V | undefined;
  }

  has(key: K): boolean {
    return find(this.root, hashOf(key), key) !== undefined;
  }

  /** A map with `key` set to `value`: a new key goes last, a key already present keeps its place. */
  set(key: K, value: V): PersistentMap<K, V> {
    return this.withLeaf(hashOf(key), key, value);
  }

  private withLeaf(hash: number, key: K, value: V): PersistentMap<K, V> {
    // `Map` stores the key -0 as 0.
    const leaf = new Leaf(hash, Object.is(key, -0) ? 0 : key, value, this.ranks);
    const root = setIn(this.root, 0, leaf);
    if (root === this.root) return this;
    const added = leaf.seq === this.ranks;
    return new PersistentMap<K, V>(root, added ? this.size + 1 : this.size, added ? this.ranks + 1 : this.ranks);
  }

  /** A map without `key` (this one when it has no such key). */
  delete(key: K): PersistentMap<K, V> {
    const root = deleteIn(this.root, 0, hashOf(key), key);
    if (root === this.root) return this;
    return new PersistentMap<K, V>(root instanceof Branch ? root : EMPTY_ROOT, this.size - 1, this.ranks);
  }

  /** The map with the entry `found` (of this map) given `value`, in its place. */
  private replaced(found: Leaf, value: V): PersistentMap<K, V> {
    if (Object.is(found.value, value)) return this;
    return new PersistentMap<K, V>(replacedIn(this.root, 0, new Leaf(found.hash, found.key, value, found.seq)), this.size, this.ranks);
  }

  /** A map with `key` set to `change(value now, or undefined)`; the key is hashed once. */
  update(key: K, change: (value: V | undefined) => V): PersistentMap<K, V> {
    const hash = hashOf(key);
    const found = find(this.root, hash, key);
    return found === undefined ? this.withLeaf(hash, key, change(undefined)) : this.replaced(found, change(found.value as V));
  }

  /** A map with the value of `key` replaced by `change(value)`: this map when it has no such key or the value stays the same. */
  adjust(key: K, change: (value: V) => V): PersistentMap<K, V> {
    const found = find(this.root, hashOf(key), key);
    return found === undefined ? this : this.replaced(found, change(found.value as V));
  }

  private leaves(): readonly Leaf[] {
    // A few entries are sorted afresh: cheaper than the cache's lookup, and tiny maps are many (a member's shares by class).
    if (this.size <= SMALL) {
      const leaves: Leaf[] = [];
      collect(this.root, leaves);
      return leaves.sort((a, b) => a.seq - b.seq);
    }
    let leaves = ORDER.get(this);
    if (leaves === undefined) ORDER.set(this, (leaves = inOrder(this.root, this.size, this.ranks)));
    return leaves;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const leaf of this.leaves()) callback.call(thisArg, leaf.value as V, leaf.key as K, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.leaves()
      .map((leaf): [K, V] => [leaf.key as K, leaf.value as V])
      .values();
  }

  keys(): MapIterator<K> {
    return this.leaves()
      .map((leaf) => leaf.key as K)
      .values();
  }

  values(): MapIterator<V> {
    return this.leaves()
      .map((leaf) => leaf.value as V)
      .values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }
}
