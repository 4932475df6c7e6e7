/**
 * An immutable list that grows at the end: `append` returns a new list that
 * shares every earlier item with the old one, in O(1), so a fold that keeps a
 * history (the share register's) stays linear. Read in order like a readonly
 * array: `length`, `at`, iteration, `some`, `filter`, `toArray`.
 */
class Cell<T> {
  constructor(
    readonly last: T,
    readonly before: Cell<T> | undefined,
  ) {}
}

// Outside the instances, so a frozen list (the test helper deep-freezes states) still caches its array.
const ARRAYS = new WeakMap<object, readonly unknown[]>();

export class PersistentList<T> implements Iterable<T> {
  private constructor(
    private readonly cell: Cell<T> | undefined,
    readonly length: number,
  ) {}

  static empty<T>(): PersistentList<T> {
    return new PersistentList<T>(undefined, 0);
  }

  static from<T>(items: Iterable<T>): PersistentList<T> {
    let list = PersistentList.empty<T>();
    for (const item of items) list = list.append(item);
    return list;
  }

  append(item: T): PersistentList<T> {
    return new PersistentList(new Cell(item, this.cell), this.length + 1);
  }

  /** The items in order, as an array made once per list. */
  toArray(): readonly T[] {
    let items = ARRAYS.get(this) as readonly T[] | undefined;
    if (items === undefined) {
      const built = new Array<T>(this.length);
      let index = this.length;
      for (let cell = this.cell; cell !== undefined; cell = cell.before) built[(index -= 1)] = cell.last;
      ARRAYS.set(this, (items = built));
    }
    return items;
  }

  at(index: number): T | undefined {
    return this.toArray().at(index);
  }

  some(predicate: (item: T, index: number) => boolean): boolean {
    return this.toArray().some(predicate);
  }

  filter(predicate: (item: T, index: number) => boolean): T[] {
    return this.toArray().filter(predicate);
  }

  [Symbol.iterator](): ArrayIterator<T> {
    return this.toArray().values();
  }
}
