// Main-thread helpers: wait for a shared-memory flag without blocking the event loop.

/** Resolves once `cells[index]` is non-zero; rejects with `what` after `ms`. */
export function untilSet(cells: Int32Array, index: number, ms: number, what: string): Promise<void> {
  return until(() => Atomics.load(cells, index) !== 0, ms, what);
}

/** Resolves once `condition()` holds; rejects with `what` after `ms`. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what} (waited ${ms} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
