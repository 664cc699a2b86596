/**
 * Exercise 7 — your own tiny model checker (solution).
 *
 * Stateless search, as CHESS and Rust's loom do it: a schedule is the list of task indices
 * in the order they stepped. Run one to the end (always picking the first unfinished task
 * after the replayed prefix), note at every step which tasks could have gone, then
 * backtrack to the deepest step that has an untried choice and replay up to it. Each
 * schedule costs a full replay, which is why model checkers want small tasks.
 * The toolkit's `exploreSchedules` is the grown-up version (waits, invariants, deadlocks).
 */
export function explore<S>(
  setup: () => { state: S; tasks: Array<Generator<unknown, unknown, undefined>> },
  maxSchedules = 10_000,
): string[] {
  if (!Number.isInteger(maxSchedules) || maxSchedules < 1) {
    throw new RangeError(`explore: maxSchedules must be an integer >= 1, got ${maxSchedules}`);
  }
  const ends = new Set<string>();
  let prefix: number[] = [];
  for (let schedules = 1; ; schedules++) {
    if (schedules > maxSchedules) {
      throw new RangeError(`explore: more than maxSchedules = ${maxSchedules} schedules; use smaller tasks or raise maxSchedules`);
    }
    const { state, tasks } = setup();
    const running = tasks.map((_, i) => i);
    const choices: number[] = [];
    const options: number[][] = []; // the tasks that could run at each step
    while (running.length > 0) {
      const pick = prefix[choices.length] ?? running[0]!;
      options.push([...running]);
      choices.push(pick);
      if (tasks[pick]!.next().done) running.splice(running.indexOf(pick), 1);
    }
    ends.add(JSON.stringify(state));
    // The deepest step with a task after the one we picked is where the next schedule differs.
    let depth = choices.length - 1;
    while (depth >= 0) {
      const could = options[depth]!;
      const other = could[could.indexOf(choices[depth]!) + 1];
      if (other !== undefined) {
        prefix = [...choices.slice(0, depth), other];
        break;
      }
      depth--;
    }
    if (depth < 0) return [...ends];
  }
}
