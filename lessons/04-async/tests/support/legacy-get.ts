// A callback API of the old Node style, on node:http: `legacyGet(url, callback)` calls
// `callback(error)` or `callback(null, body)`. `sloppyGet` is the same with a classic bug:
// after a successful answer it calls back a second time, with an error, when the socket
// closes. (Real libraries have shipped that bug; a promise must settle only once anyway.)
import { get } from 'node:http';

export type ErrorFirst<T> = (error: Error | null | undefined, value?: T) => void;

export function legacyGet(url: string, callback: ErrorFirst<string>): void {
  if (typeof url !== 'string') throw new TypeError(`legacyGet: url must be a string, got ${typeof url}`);
  get(url, (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk));
    response.on('end', () => {
      if (response.statusCode !== 200) callback(new Error(`HTTP ${response.statusCode} from ${url}`));
      else callback(null, body);
    });
  }).on('error', (error) => callback(error));
}

export function sloppyGet(url: string, callback: ErrorFirst<string>): void {
  legacyGet(url, (error, body) => {
    callback(error, body);
    // The bug: a second call, always an error, a moment later.
    setImmediate(() => callback(new Error('socket closed')));
  });
}
