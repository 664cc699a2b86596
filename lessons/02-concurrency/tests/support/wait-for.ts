// Reads the wait-for graph off a table that deadlocked: who holds which fork and who waits
// for it, then the cycle, in words.
import type { Table } from '../../lib/table.ts';

export function waitForCycle(table: Table): string {
  const edges = new Map<number, { holds: number[]; waitsFor: number; heldBy: number }>();
  table.forks.forEach((fork, f) => {
    for (const p of fork.queue) {
      if (fork.holder !== null && fork.holder !== p) {
        const holds = table.forks.flatMap((g, i) => (g.holder === p ? [i] : []));
        edges.set(p, { holds, waitsFor: f, heldBy: fork.holder });
      }
    }
  });
  // Walk from any waiter until a philosopher repeats: that stretch is the cycle.
  for (const start of edges.keys()) {
    const path: number[] = [];
    for (let p: number | undefined = start; p !== undefined && edges.has(p); p = edges.get(p)!.heldBy) {
      const at = path.indexOf(p);
      if (at >= 0) {
        return path
          .slice(at)
          .map((q) => {
            const e = edges.get(q)!;
            const holds = e.holds.length > 0 ? `holds fork ${e.holds.join(' and ')} and ` : '';
            return `philosopher ${q} ${holds}waits for fork ${e.waitsFor}, held by philosopher ${e.heldBy}`;
          })
          .join('; ');
      }
      path.push(p);
    }
  }
  return 'no cycle of waiting philosophers found on the table';
}
