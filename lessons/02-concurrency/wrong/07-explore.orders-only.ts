// Wrong: tries every *order* of whole tasks (A then B, B then A) — each task runs to the end
// before the next starts. It never interleaves steps, so it finds only the end states of
// sequential runs and misses every race.
export function explore<S>(
  setup: () => { state: S; tasks: Array<Generator<unknown, unknown, undefined>> },
  maxSchedules = 10_000,
): string[] {
  if (!Number.isInteger(maxSchedules) || maxSchedules < 1) {
    throw new RangeError(`explore: maxSchedules must be an integer >= 1, got ${maxSchedules}`);
  }
  const ends = new Set<string>();
  const permutations = (n: number): number[][] =>
    n === 0 ? [[]] : permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
  const count = setup().tasks.length;
  for (const order of permutations(count)) {
    const { state, tasks } = setup();
    for (const i of order) while (!tasks[i]!.next().done);
    ends.add(JSON.stringify(state));
  }
  return [...ends];
}
