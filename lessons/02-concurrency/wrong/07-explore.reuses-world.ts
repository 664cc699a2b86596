// Wrong: calls setup() once and keeps stepping the same generators. After the first
// schedule they are finished, so every "other" schedule does nothing and reports the same
// state: a generator cannot be rewound — replay on a fresh setup() instead.
export function explore<S>(
  setup: () => { state: S; tasks: Array<Generator<unknown, unknown, undefined>> },
  maxSchedules = 10_000,
): string[] {
  if (!Number.isInteger(maxSchedules) || maxSchedules < 1) {
    throw new RangeError(`explore: maxSchedules must be an integer >= 1, got ${maxSchedules}`);
  }
  const { state, tasks } = setup();
  const ends = new Set<string>();
  const visit = (running: number[], depth: number): void => {
    if (running.length === 0 || depth > 1000) {
      ends.add(JSON.stringify(state));
      return;
    }
    for (const pick of running) {
      const done = tasks[pick]!.next().done;
      visit(done ? running.filter((i) => i !== pick) : running, depth + 1);
    }
  };
  visit(tasks.map((_, i) => i), 0);
  return [...ends];
}
