// Counts calls to Atomics operations while `fn` runs (in this thread only).
const READ_MODIFY_WRITE = ['compareExchange', 'exchange', 'add', 'sub', 'and', 'or', 'xor'];
const ALL = ['wait', 'notify', 'load', 'store', ...READ_MODIFY_WRITE];

export interface AtomicsCalls {
  /** Calls per operation name. */
  byName: Record<string, number>;
  /** Calls of the read-modify-write operations (compareExchange, exchange, add, …). */
  readModifyWrite: number;
}

export function countAtomics<T>(fn: () => T): { result: T; calls: AtomicsCalls } {
  const atomics = Atomics as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = new Map<string, (...args: unknown[]) => unknown>();
  const byName: Record<string, number> = {};
  for (const name of ALL) {
    const original = atomics[name]!;
    saved.set(name, original);
    byName[name] = 0;
    atomics[name] = (...args: unknown[]) => {
      byName[name]!++;
      return original.apply(Atomics, args);
    };
  }
  try {
    const result = fn();
    const readModifyWrite = READ_MODIFY_WRITE.reduce((sum, name) => sum + byName[name]!, 0);
    return { result, calls: { byName, readModifyWrite } };
  } finally {
    for (const [name, original] of saved) atomics[name] = original;
  }
}
