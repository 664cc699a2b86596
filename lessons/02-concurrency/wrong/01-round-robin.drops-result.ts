// Wrong: steps the tasks in turns, but keeps `step.value` only while a task yields — the
// finished step's value (what the task returned) is thrown away, as `for (const x of gen)`
// would do. Each result comes out as undefined.
export function roundRobin<T>(tasks: ReadonlyArray<Generator<unknown, T, undefined>>): T[] {
  tasks.forEach((task, i) => {
    if (typeof task !== 'object' || task === null || typeof task.next !== 'function') {
      throw new TypeError(`roundRobin: tasks[${i}] must be a generator object, got ${typeof task}`);
    }
  });
  const results = new Array<T>(tasks.length);
  const ready = tasks.map((_, i) => i);
  while (ready.length > 0) {
    const i = ready.shift()!;
    const step = tasks[i]!.next();
    if (!step.done) ready.push(i);
  }
  return results;
}
