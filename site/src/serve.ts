/**
 * A tiny static server for the built site (node:http, no dependencies), bound to
 * 127.0.0.1. In serve mode it also streams a server-sent event after each rebuild so open
 * pages reload themselves.
 *
 * @module
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Port on 127.0.0.1. Default 0: any free port. */
  port?: number;
}

/** A running server: its address, a way to tell pages to reload, and `close`. */
export interface StaticServer {
  readonly url: string;
  /** Sends "reload" to every open page (serve mode). */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1; `/__events` is the reload stream.
 *
 * @example
 * ```ts
 * import { startStaticServer } from './serve.ts';
 * const server = await startStaticServer('site/dist');
 * console.log(server.url);
 * await server.close();
 * ```
 */
export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`startStaticServer: options.port must be an integer 0–65535, got ${port}`);
  const base = path.resolve(dir);
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    reload() {
      for (const res of clients) res.write('data: reload\n\n');
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
