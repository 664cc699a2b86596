// The worker-process side of the harness: read the config, load the answer under test,
// report "ready" (or the error that stopped it) to the test over IPC.
import { Redis } from 'ioredis';
import type { WorkerConfig } from './harness.ts';

/** Short lock and stalled-check intervals, so a killed worker's job comes back within a second or two. */
export const FAST = { lockDuration: 600, stalledInterval: 300 } as const;

export function config<T extends WorkerConfig = WorkerConfig>(): T {
  return JSON.parse(process.argv[2]!) as T;
}

export function connection(c: WorkerConfig): { host: string; port: number; maxRetriesPerRequest: null } {
  return { host: '127.0.0.1', port: c.port, maxRetriesPerRequest: null };
}

export function ready(): void {
  process.send?.({ ready: true });
}

export function report(error: unknown): void {
  process.send?.({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}

/** The answer under test. */
export async function load<T>(c: WorkerConfig): Promise<T> {
  return (await import(c.impl)) as T;
}

/**
 * A Redis client for the answer that makes every caller meet at a barrier right after its
 * first command returns: with `parties` workers, none goes on until all have sent their
 * first command. A check-then-set then races every time, without a sleep.
 */
export function barrierClient(redis: Redis, barrier: string, parties: number, timeoutMs = 5000): Redis {
  const commands = new Set(redis.getBuiltinCommands());
  let crossed = false;
  const meet = async (): Promise<void> => {
    if (crossed) return;
    crossed = true;
    const arrived = await redis.incr(`${barrier}:count`);
    if (arrived === parties) {
      await redis.rpush(`${barrier}:go`, ...Array.from({ length: parties }, () => 'go'));
    }
    const blocking = redis.duplicate();
    try {
      const got = await blocking.blpop(`${barrier}:go`, timeoutMs / 1000);
      if (!got) throw new Error(`test barrier: only ${await redis.get(`${barrier}:count`)} of ${parties} workers reached it`);
    } finally {
      blocking.disconnect();
    }
  };
  return new Proxy(redis, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && commands.has(prop.toLowerCase()) && !['duplicate', 'quit', 'disconnect', 'connect', 'multi', 'pipeline'].includes(prop)) {
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          await meet();
          return result;
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
