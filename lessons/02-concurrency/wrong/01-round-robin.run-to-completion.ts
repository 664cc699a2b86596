// Wrong: runs each task to its end before starting the next. Every result is right, but
// nothing interleaves — the first task keeps the thread until it is done, like a callback
// that never returns to the event loop.
export function roundRobin<T>(tasks: ReadonlyArray<Generator<unknown, T, undefined>>): T[] {
  tasks.forEach((task, i) => {
    if (typeof task !== 'object' || task === null || typeof task.next !== 'function') {
      throw new TypeError(`roundRobin: tasks[${i}] must be a generator object, got ${typeof task}`);
    }
  });
  return tasks.map((task) => {
    for (;;) {
      const step = task.next();
      if (step.done) return step.value;
    }
  });
}
