/**
 * The value that ranks `k`-th (1-based) from the top of `values`. Quickselect with
 * a three-way split: expected linear time, and runs of equal values (equal weights
 * give equal remainders) collapse in one pass.
 */
export const kthLargest = (values: readonly bigint[], k: number): bigint => {
  let pool = values;
  let rank = k;
  for (;;) {
    const pivot = medianOfThree(pool);
    const greater: bigint[] = [];
    const less: bigint[] = [];
    let equal = 0;
    for (const v of pool) {
      if (v > pivot) greater.push(v);
      else if (v < pivot) less.push(v);
      else equal += 1;
    }
    if (rank <= greater.length) pool = greater;
    else if (rank <= greater.length + equal) return pivot;
    else {
      rank -= greater.length + equal;
      pool = less;
    }
  }
};

const medianOfThree = (pool: readonly bigint[]): bigint => {
  const a = pool[0] ?? 0n;
  const b = pool[pool.length >> 1] ?? 0n;
  const c = pool[pool.length - 1] ?? 0n;
  if (a > b) return b > c ? b : a > c ? c : a;
  return a > c ? a : b > c ? c : b;
};

/**
 * Which positions get one extra unit: the `count` largest remainders, equal
 * remainders going to the earlier position. Linear, unlike sorting, which matters
 * for a dividend over a whole district's members.
 */
export const largestRemainders = (remainders: readonly bigint[], count: number): boolean[] => {
  if (count <= 0) return remainders.map(() => false);
  const threshold = kthLargest(remainders, count);
  let ties = count - remainders.filter((r) => r > threshold).length;
  return remainders.map((r) => {
    if (r > threshold) return true;
    if (r !== threshold || ties === 0) return false;
    ties -= 1;
    return true;
  });
};
