/** Races without threads: 1,000 async deposits on one thread lose updates when an await sits between read and write — counted, then fixed two ways. */
// Run: pnpm lesson 2 demo lost-update   (or: npx tsx demos/03-async-lost-update.ts)
// Add --write-trace to save traces/async-lost-update.json.
import { Mutex, Tracer, type Trace } from '@interleave/toolkit';
import { epochMs, median, ms, table, timeline, writeTraces } from '@interleave/lesson-kit/demo';

const TASKS = 1_000;
const REPS = 5;

/** Something to wait for between reading and writing: a database call, a log write… here one turn of the event loop. */
const io = () => new Promise<void>((resolve) => setImmediate(resolve));

type Way = { name: string; deposit: (account: { balance: number }) => Promise<void> };
const mutex = new Mutex();
const WAYS: Way[] = [
  {
    name: 'read, await, write',
    deposit: async (account) => {
      const seen = account.balance;
      await io();
      account.balance = seen + 1;
    },
  },
  {
    name: 'read, await Promise.resolve(), write',
    deposit: async (account) => {
      const seen = account.balance;
      await Promise.resolve();
      account.balance = seen + 1;
    },
  },
  {
    name: 'write, then await',
    deposit: async (account) => {
      account.balance += 1; // read and write with no await between them: one step
      await io();
    },
  },
  {
    name: 'read, await, write under a Mutex',
    deposit: (account) =>
      mutex.runExclusive(async () => {
        const seen = account.balance;
        await io();
        account.balance = seen + 1;
      }),
  },
];

console.log(`${TASKS.toLocaleString('en')} async deposits of 1 each, started together on one thread (Node ${process.version}); ${REPS} runs of each way, medians.\n`);
const results = new Map<string, { lost: number[]; ms: number[] }>(WAYS.map((w) => [w.name, { lost: [], ms: [] }]));
for (let rep = 0; rep < REPS; rep++) {
  for (const way of WAYS) {
    const account = { balance: 0 };
    const t0 = epochMs();
    await Promise.all(Array.from({ length: TASKS }, () => way.deposit(account)));
    results.get(way.name)!.ms.push(epochMs() - t0);
    results.get(way.name)!.lost.push(TASKS - account.balance);
  }
}
console.log(
  table(
    ['way', 'final balance', 'lost updates', 'time'],
    WAYS.map((way) => {
      const r = results.get(way.name)!;
      const lost = median(r.lost);
      return [way.name, (TASKS - lost).toLocaleString('en'), lost.toLocaleString('en'), ms(median(r.ms))];
    }),
  ),
);

// Two of the deposits, step by step, as the event loop ran them (one tick per step).
let now = 0;
const tracer = new Tracer({ clock: () => now, unit: 'tick' });
const step = (lane: string, label: string, state: 'running' | 'waiting' = 'running', ticks = 1): void => {
  const end = tracer.begin(lane, label, state);
  now += ticks;
  end();
};
step('deposit A', 'read 0');
step('deposit B', 'read 0');
now -= 1;
step('deposit A', 'await', 'waiting', 2);
now -= 1;
step('deposit B', 'await', 'waiting', 2);
now -= 1;
step('deposit A', 'write 1');
step('deposit B', 'write 1');
const trace: Trace = {
  ...tracer.toJSON(),
  title: 'A lost update on one thread',
  description:
    'Deposit A reads the balance (0) and awaits; while it waits, deposit B runs and reads the same 0. A writes 1, then B writes 1 over it. Only one thread ran, one step at a time — the await let B in between A’s read and A’s write.',
};
console.log(`\nHow one deposit is lost (one tick per step):\n`);
console.log(timeline(trace, 60));
const written = writeTraces(new URL('../traces/', import.meta.url), { 'async-lost-update': trace });
if (written.length > 0) console.log(`\nWrote ${written.map((f) => `traces/${f}`).join(', ')}`);
