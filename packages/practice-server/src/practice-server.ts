/**
 * `startPracticeServer()`: a real HTTP server on 127.0.0.1, on a port the OS picks, for the
 * I/O lessons. It answers slowly on purpose (a fixed or seeded-random latency per route, or
 * "held" until the test releases it), fails on purpose (500, 503 with `Retry-After`, a
 * dropped connection, a slow body), refuses work above a concurrency cap, serves a page
 * graph to crawl and a paginated list, and counts what it saw — requests, in flight at
 * once (peak), aborted by the client, per path — so tests prove properties from its side.
 *
 * Routes:
 * - `GET /pages/<name>` — a page of the graph: `{ "page": "/pages/a", "links": ["/pages/b", …] }`; 404 for an unknown page.
 * - `GET /list?page=N` — page N (1-based) of the list: `{ "page": N, "items": [...], "next": "/list?page=N+1" | null }`.
 * - `GET /status/<code>` — answers with that status (e.g. `/status/404`).
 * - anything else — 200 `{ "path": "/…", "seq": <request number> }`.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PageGraph } from './page-graph.ts';
import { seededRandom } from './seeded-random.ts';

// Captured at load: a test that fakes timers (vi.useFakeTimers) must not freeze the server.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * How long the server waits before answering: a fixed number of ms, a seeded-random spread
 * `{ min, max }`, or `'held'` — the answer waits until {@link PracticeServer.release}.
 */
export type Latency = number | { readonly min: number; readonly max: number } | 'held';

/** What an injected failure looks like to the client. */
export type FailureKind = 500 | 503 | 'drop' | 'slow-body';

/** Which requests fail, and how. */
export interface FailureOptions {
  /** 500; 503 with a `Retry-After` header; `'drop'` destroys the connection without an answer; `'slow-body'` sends the headers and half the body, then the rest after `slowBodyMs`. */
  readonly kind: FailureKind;
  /** The first `first` requests of the route fail (counted per route key). Default 0. */
  readonly first?: number;
  /** Each later request fails with this probability, drawn from the server's seeded random. Default 0. */
  readonly rate?: number;
  /** The `Retry-After` value of a 503, in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /** How long a slow body stalls halfway. Default 1000. */
  readonly slowBodyMs?: number;
}

/** Latency and failures of the paths that start with one prefix. */
export interface RouteOptions {
  readonly latency?: Latency;
  readonly failure?: FailureOptions;
}

/** Options of {@link startPracticeServer}. All can be changed later with `configure()`. */
export interface PracticeServerOptions {
  /** Latency of every route without its own. Default 0. */
  readonly latency?: Latency;
  /** Failures of every route without its own. Default none. */
  readonly failure?: FailureOptions;
  /** Per path prefix (`'/pages/'`, `'/slow'`); the longest matching prefix wins over the defaults above. */
  readonly routes?: Readonly<Record<string, RouteOptions>>;
  /** More requests than this in flight at once: the extra ones get 503 at once (`Retry-After: 1`). Default: no cap. */
  readonly maxConcurrent?: number;
  /** The page graph served at `/pages/<name>`. Default: none (every page is a 404). */
  readonly pages?: PageGraph;
  /** The list served at `/list?page=N`: `items` numbered 1…items, `pageSize` a page. Default `{ items: 0, pageSize: 10 }`. */
  readonly list?: { readonly items: number; readonly pageSize: number };
  /** Seed of the random latency and failure rate. Default 1. */
  readonly seed?: number;
}

/** How one request ended, as the server saw it. */
export type Outcome = 'ok' | 'not-found' | 'failed' | 'over-capacity' | 'dropped' | 'aborted';

/** One request, as the server recorded it. Times are ms since the server started. */
export interface RequestRecord {
  /** 1, 2, 3 … in arrival order. */
  readonly seq: number;
  readonly method: string;
  /** The path with its query, e.g. `/list?page=2`. */
  readonly path: string;
  readonly startedAt: number;
  endedAt: number | undefined;
  /** The status sent, if any. */
  status: number | undefined;
  outcome: Outcome | undefined;
  /** In flight at once when it arrived, itself included. */
  readonly inFlightOnArrival: number;
}

/** What the server has counted since it started (or since `resetStats()`). */
export interface PracticeServerStats {
  /** Requests received. */
  readonly requests: number;
  /** Requests received and not yet finished. */
  readonly inFlight: number;
  /** The most in flight at once. */
  readonly peakInFlight: number;
  /** Responses sent in full (any status). */
  readonly completed: number;
  /** Requests the client gave up on (closed the connection) before the response was complete. */
  readonly aborted: number;
  /** Injected failures (500, 503, drop, slow body). */
  readonly failed: number;
  /** Requests refused with 503 because `maxConcurrent` were already in flight. */
  readonly overCapacity: number;
  /** Requests waiting for `release()`. */
  readonly held: number;
  /** Requests per path (with query). */
  readonly perPath: Readonly<Record<string, number>>;
}

/** Options of {@link PracticeServer.until}. */
export interface UntilOptions {
  /** Stops waiting; rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
  /** Gives up with an error naming `what` after this many ms — a hang guard, not a timing check. Default 5000. */
  readonly timeoutMs?: number;
  /** What is awaited, for the error message. */
  readonly what?: string;
}

/** Which held requests to release. */
export interface ReleaseOptions {
  /** Only those with this exact path (with query). */
  readonly path?: string;
  /** At most this many, oldest first. Default: all that match. */
  readonly count?: number;
}

/** A running practice server. Close it with `close()` or `await using`. */
export interface PracticeServer extends AsyncDisposable {
  /** `http://127.0.0.1:<port>` — no trailing slash. */
  readonly origin: string;
  readonly port: number;
  /** `origin + path`. */
  url(path: string): string;
  /** A snapshot of the counters. */
  stats(): PracticeServerStats;
  /** Every request so far, in arrival order (a copy; records of unfinished ones fill in later). */
  requests(): readonly RequestRecord[];
  /** The held requests, oldest first. */
  held(): readonly { readonly seq: number; readonly path: string }[];
  /** Lets held requests answer; returns how many were released. */
  release(options?: ReleaseOptions): number;
  /** Resolves with the stats once `predicate(stats)` holds (checked now and after every change). */
  until(predicate: (stats: PracticeServerStats) => boolean, options?: UntilOptions): Promise<PracticeServerStats>;
  /** Zeroes the counters and the record (requests in flight stay counted in `inFlight`). */
  resetStats(): void;
  /** Changes options from now on (fields given replace the old ones). */
  configure(options: PracticeServerOptions): void;
  /** Stops listening, ends every open connection and held request, clears every timer. Idempotent. */
  close(): Promise<void>;
}

interface Live {
  record: RequestRecord;
  res: ServerResponse;
  timer: ReturnType<typeof setTimeout> | undefined;
  release: (() => void) | undefined;
  droppedByUs: boolean;
  failedByUs: boolean;
}

function checkLatency(latency: Latency | undefined, where: string): void {
  if (latency === undefined || latency === 'held') return;
  if (typeof latency === 'number') {
    if (!(latency >= 0) || !Number.isFinite(latency)) throw new RangeError(`practice server: ${where}.latency must be a number >= 0, 'held' or { min, max }, got ${latency}`);
    return;
  }
  const { min, max } = latency;
  if (!(min >= 0) || !(max >= min) || !Number.isFinite(max)) {
    throw new RangeError(`practice server: ${where}.latency must have 0 <= min <= max, got { min: ${min}, max: ${max} }`);
  }
}

function checkFailure(failure: FailureOptions | undefined, where: string): void {
  if (failure === undefined) return;
  const kinds: readonly unknown[] = [500, 503, 'drop', 'slow-body'];
  if (!kinds.includes(failure.kind)) throw new RangeError(`practice server: ${where}.failure.kind must be 500, 503, 'drop' or 'slow-body', got ${String(failure.kind)}`);
  const rate = failure.rate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`practice server: ${where}.failure.rate must be between 0 and 1, got ${rate}`);
  const first = failure.first ?? 0;
  if (!Number.isInteger(first) || first < 0) throw new RangeError(`practice server: ${where}.failure.first must be an integer >= 0, got ${first}`);
}

function checkOptions(options: PracticeServerOptions): void {
  checkLatency(options.latency, 'options');
  checkFailure(options.failure, 'options');
  for (const [prefix, route] of Object.entries(options.routes ?? {})) {
    if (!prefix.startsWith('/')) throw new RangeError(`practice server: a routes key must start with '/', got '${prefix}'`);
    checkLatency(route.latency, `routes['${prefix}']`);
    checkFailure(route.failure, `routes['${prefix}']`);
  }
  const cap = options.maxConcurrent;
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 1)) throw new RangeError(`practice server: maxConcurrent must be an integer >= 1, got ${cap}`);
  if (options.list) {
    const { items, pageSize } = options.list;
    if (!Number.isInteger(items) || items < 0) throw new RangeError(`practice server: list.items must be an integer >= 0, got ${items}`);
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`practice server: list.pageSize must be an integer >= 1, got ${pageSize}`);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new RangeError(`practice server: seed must be an integer, got ${options.seed}`);
}

/**
 * Starts a practice server on 127.0.0.1 with an OS-picked port.
 *
 * @example
 * ```ts
 * import { startPracticeServer } from '@interleave/practice-server';
 *
 * await using server = await startPracticeServer({ latency: 50 });
 * const responses = await Promise.all([1, 2, 3].map((n) => fetch(server.url(`/item/${n}`))));
 * console.log(responses.map((r) => r.status), server.stats().peakInFlight); // [200, 200, 200] 3
 * ```
 */
export async function startPracticeServer(options: PracticeServerOptions = {}): Promise<PracticeServer> {
  checkOptions(options);
  let current: PracticeServerOptions = { ...options };
  let random = seededRandom(current.seed ?? 1);
  const t0 = performance.now();
  const live = new Set<Live>();
  const failuresUsed = new Map<string, number>();
  const listeners = new Set<() => void>();
  let records: RequestRecord[] = [];
  let counts = { requests: 0, peakInFlight: 0, completed: 0, aborted: 0, failed: 0, overCapacity: 0 };
  let perPath: Record<string, number> = {};
  let closing: Promise<void> | undefined;

  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const route = (path: string): { key: string; latency: Latency; failure: FailureOptions | undefined } => {
    let best: string | undefined;
    for (const prefix of Object.keys(current.routes ?? {})) {
      if (path.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
    }
    const own = best === undefined ? undefined : current.routes![best];
    return { key: best ?? '*', latency: own?.latency ?? current.latency ?? 0, failure: own?.failure ?? current.failure };
  };

  const stats = (): PracticeServerStats => ({
    ...counts,
    inFlight: live.size,
    held: [...live].filter((l) => l.release !== undefined).length,
    perPath: { ...perPath },
  });

  const send = (entry: Live, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    entry.record.status = status;
    entry.res.writeHead(status, { 'content-type': 'application/json', ...headers });
    entry.res.end(JSON.stringify(body));
  };

  const answer = (entry: Live, failure: FailureOptions | undefined): void => {
    const { res, record } = entry;
    if (res.destroyed) return;
    if (failure) {
      entry.failedByUs = true;
      counts.failed++;
      if (failure.kind === 'drop') {
        entry.droppedByUs = true;
        res.destroy();
        return;
      }
      if (failure.kind === 500) return send(entry, 500, { error: 'injected failure (500)' });
      if (failure.kind === 503) {
        const after = failure.retryAfterSeconds ?? 1;
        return send(entry, 503, { error: 'injected failure (503)' }, { 'retry-after': String(after) });
      }
      // slow-body: a 200 whose body stalls halfway.
      const body = JSON.stringify({ path: record.path, seq: record.seq, padding: 'x'.repeat(64) });
      record.status = 200;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.write(body.slice(0, body.length >> 1));
      entry.timer = realSetTimeout(() => {
        entry.timer = undefined;
        if (!res.destroyed) res.end(body.slice(body.length >> 1));
      }, failure.slowBodyMs ?? 1000);
      return;
    }
    const url = new URL(record.path, 'http://practice.invalid');
    const pageMatch = /^\/pages\/([^/]+)$/.exec(url.pathname);
    if (pageMatch) {
      const name = decodeURIComponent(pageMatch[1]!);
      const links = current.pages?.[name];
      if (!links) return send(entry, 404, { error: `no page '${name}'` });
      return send(entry, 200, { page: `/pages/${name}`, links: links.map((to) => `/pages/${to}`) });
    }
    if (url.pathname === '/list') {
      const { items, pageSize } = current.list ?? { items: 0, pageSize: 10 };
      const pages = Math.max(1, Math.ceil(items / pageSize));
      const page = Number(url.searchParams.get('page') ?? '1');
      if (!Number.isInteger(page) || page < 1 || page > pages) return send(entry, 404, { error: `no list page ${url.searchParams.get('page')}` });
      const from = (page - 1) * pageSize + 1;
      const to = Math.min(items, page * pageSize);
      const list = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
      return send(entry, 200, { page, items: list, next: page < pages ? `/list?page=${page + 1}` : null });
    }
    const statusMatch = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (statusMatch) return send(entry, Number(statusMatch[1]), { status: Number(statusMatch[1]) });
    return send(entry, 200, { path: record.path, seq: record.seq });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    counts.requests++;
    perPath[path] = (perPath[path] ?? 0) + 1;
    const record: RequestRecord = {
      seq: counts.requests,
      method: req.method ?? 'GET',
      path,
      startedAt: performance.now() - t0,
      endedAt: undefined,
      status: undefined,
      outcome: undefined,
      inFlightOnArrival: live.size + 1,
    };
    records.push(record);
    const entry: Live = { record, res, timer: undefined, release: undefined, droppedByUs: false, failedByUs: false };
    live.add(entry);
    counts.peakInFlight = Math.max(counts.peakInFlight, live.size);
    res.on('close', () => {
      if (entry.timer !== undefined) realClearTimeout(entry.timer);
      entry.timer = undefined;
      entry.release = undefined;
      live.delete(entry);
      record.endedAt = performance.now() - t0;
      if (res.writableFinished) {
        counts.completed++;
        record.outcome = record.status === 404 ? 'not-found' : entry.failedByUs ? 'failed' : record.outcome ?? 'ok';
      } else if (entry.droppedByUs) {
        record.outcome = 'dropped';
      } else {
        counts.aborted++;
        record.outcome = 'aborted';
      }
      changed();
    });

    const cap = current.maxConcurrent;
    if (cap !== undefined && live.size > cap) {
      counts.overCapacity++;
      record.outcome = 'over-capacity';
      send(entry, 503, { error: `over capacity: more than ${cap} requests at once` }, { 'retry-after': '1' });
      changed();
      return;
    }

    // Decide now, in arrival order, so a seeded run fails the same requests every time.
    const { key, latency, failure } = route(path);
    let fails = false;
    if (failure) {
      const used = failuresUsed.get(key) ?? 0;
      failuresUsed.set(key, used + 1);
      fails = used < (failure.first ?? 0) || random() < (failure.rate ?? 0);
    }
    const go = (): void => answer(entry, fails ? failure : undefined);
    if (latency === 'held') {
      entry.release = () => {
        entry.release = undefined;
        go();
      };
    } else {
      const ms = typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);
      entry.timer = realSetTimeout(() => {
        entry.timer = undefined;
        go();
      }, ms);
    }
    changed();
  };

  const server: Server = createServer(handle);
  // Keep-alive sockets would otherwise outlive close() until their idle timeout.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const entry of live) {
        if (entry.timer !== undefined) realClearTimeout(entry.timer);
        entry.timer = undefined;
        entry.release = undefined;
        entry.droppedByUs = true;
        entry.res.destroy();
      }
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    origin,
    port,
    url: (path: string) => {
      if (!path.startsWith('/')) throw new TypeError(`practice server: url(path) needs a path starting with '/', got '${path}'`);
      return origin + path;
    },
    stats,
    requests: () => records.slice(),
    held: () => [...live].filter((l) => l.release !== undefined).map((l) => ({ seq: l.record.seq, path: l.record.path })),
    release: (which: ReleaseOptions = {}) => {
      const count = which.count ?? Number.POSITIVE_INFINITY;
      if (!(count >= 0)) throw new RangeError(`practice server: release count must be >= 0, got ${count}`);
      const chosen = [...live].filter((l) => l.release !== undefined && (which.path === undefined || l.record.path === which.path)).slice(0, count);
      for (const entry of chosen) entry.release?.();
      if (chosen.length > 0) changed();
      return chosen.length;
    },
    until: (predicate, untilOptions = {}) => {
      const { signal, timeoutMs = 5000, what = 'a condition' } = untilOptions;
      const now = stats();
      if (predicate(now)) return Promise.resolve(now);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<PracticeServerStats>((resolve, reject) => {
        const done = (): void => {
          listeners.delete(check);
          realClearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const check = (): void => {
          const s = stats();
          if (!predicate(s)) return;
          done();
          resolve(s);
        };
        const onAbort = (): void => {
          done();
          reject(signal!.reason);
        };
        const timer = realSetTimeout(() => {
          done();
          const s = stats();
          reject(new Error(`practice server: waited ${timeoutMs} ms for ${what}, but it did not happen (requests ${s.requests}, in flight ${s.inFlight}, peak ${s.peakInFlight}, held ${s.held}, aborted ${s.aborted})`));
        }, timeoutMs);
        listeners.add(check);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    resetStats: () => {
      records = [];
      counts = { requests: 0, peakInFlight: live.size, completed: 0, aborted: 0, failed: 0, overCapacity: 0 };
      perPath = {};
      failuresUsed.clear();
      random = seededRandom(current.seed ?? 1);
    },
    configure: (next: PracticeServerOptions) => {
      checkOptions(next);
      current = { ...current, ...next };
      if (next.seed !== undefined) random = seededRandom(next.seed);
      if (next.failure !== undefined || next.routes !== undefined) failuresUsed.clear();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
