/**
 * Exercise 1 — a round-robin scheduler over generators (solution).
 *
 * The whole scheduler is a ready queue: take the next task, run one step, and put it back
 * at the end unless it finished. That is what an event loop does with its ready callbacks,
 * and what asyncio does with its tasks — each one runs until it gives control back.
 */
export function roundRobin<T>(tasks: ReadonlyArray<Generator<unknown, T, undefined>>): T[] {
  if (!Array.isArray(tasks)) throw new TypeError(`roundRobin: tasks must be an array of generator objects, got ${typeof tasks}`);
  tasks.forEach((task, i) => {
    if (typeof task !== 'object' || task === null || typeof task.next !== 'function') {
      throw new TypeError(`roundRobin: tasks[${i}] must be a generator object, got ${typeof task}`);
    }
  });
  const results = new Array<T>(tasks.length);
  // Indices of the tasks still running, in turn order. shift/push keeps it simple; a lesson
  // scheduler runs a handful of tasks (a real one would use a ring buffer or a deque).
  const ready = tasks.map((_, i) => i);
  while (ready.length > 0) {
    const i = ready.shift()!;
    const step = tasks[i]!.next();
    if (step.done) {
      // The return value arrives only here: a for…of loop over the generator would drop it.
      results[i] = step.value;
    } else {
      ready.push(i);
    }
  }
  return results;
}
