/** Which products one cross cannot tell apart: each product's key id (0 … count − 1). */
export interface Partition {
  ids: Int32Array;
  count: number;
}

/** Products with equal keys share an id; ids are numbered in order of first appearance. */
export function partitionBy(n: number, keyOf: (product: number) => unknown): Partition {
  const seen = new Map<unknown, number>();
  const ids = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const key = keyOf(p);
    let id = seen.get(key);
    if (id === undefined) seen.set(key, (id = seen.size));
    ids[p] = id;
  }
  return { ids, count: seen.size };
}

/** Every product apart: for a cross that declares nothing about what it reads from the product. */
export function eachApart(n: number): Partition {
  return { ids: Int32Array.from({ length: n }, (_, p) => p), count: n };
}

/** The coarsest partition finer than both: products share an id only where both partitions put them together. */
export function refine(a: Partition, b: Partition): Partition {
  const n = a.ids.length;
  const cells = a.count * b.count;
  // Pairs of ids numbered through a dense table where it is small (it always is for a catalogue's crosses).
  if (cells > 1 << 20) return partitionBy(n, (p) => a.ids[p]! * b.count + b.ids[p]!);
  const idOf = new Int32Array(cells).fill(-1);
  const ids = new Int32Array(n);
  let count = 0;
  for (let p = 0; p < n; p++) {
    const cell = a.ids[p]! * b.count + b.ids[p]!;
    if (idOf[cell]! < 0) idOf[cell] = count++;
    ids[p] = idOf[cell]!;
  }
  return { ids, count };
}

/** Crosses worked out together: once per key of the group's partition, for the product `reps[key]` stands for. */
export interface CrossGroup {
  partition: Partition;
  /** One product per key. */
  reps: Int32Array;
  /** Indices into the partitions given to groupCrosses. */
  members: number[];
}

/**
 * Puts crosses into groups for a scorer that, per client, works every group's crosses out once per key (cost:
 * keys × members) and then, per pair, adds one looked-up block per group (cost: products × groups). Greedy,
 * finest partitions first: each cross joins the group where the sum of both costs grows least, or starts its
 * own. Any grouping gives the same scores; this one only decides how much work they take. `weights`, when given,
 * is each member's cost per key (a set of trees costs one walk per tree), 1 otherwise.
 */
export function groupCrosses(partitions: readonly Partition[], n: number, weights?: readonly number[]): CrossGroup[] {
  const order = partitions.map((_, i) => i).sort((a, b) => partitions[b]!.count - partitions[a]!.count || a - b);
  const groups: { partition: Partition; members: number[]; weight: number }[] = [];
  for (const i of order) {
    const own = partitions[i]!;
    const w = weights?.[i] ?? 1;
    let best: { group: number; partition: Partition; extra: number } = {
      group: -1,
      partition: own,
      extra: own.count * w + n,
    };
    groups.forEach((group, g) => {
      const joined = refine(group.partition, own);
      const extra = joined.count * (group.weight + w) - group.partition.count * group.weight;
      if (extra < best.extra) best = { group: g, partition: joined, extra };
    });
    if (best.group < 0) groups.push({ partition: own, members: [i], weight: w });
    else {
      const group = groups[best.group]!;
      group.partition = best.partition;
      group.members.push(i);
      group.weight += w;
    }
  }
  return groups.map(({ partition, members }) => ({ partition, reps: representatives(partition), members }));
}

/** For each key of a partition, the first product with that key. */
export function representatives(partition: Partition): Int32Array {
  const reps = new Int32Array(partition.count).fill(-1);
  partition.ids.forEach((id, p) => {
    if (reps[id]! < 0) reps[id] = p;
  });
  return reps;
}
