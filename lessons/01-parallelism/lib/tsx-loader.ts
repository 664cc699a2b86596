/**
 * The `file:` URL of tsx's loader, for child processes that run `.ts` files.
 *
 * A child started with `child_process.fork(file)` is a fresh Node process: it does not
 * inherit the TypeScript loader of its parent (vitest's or tsx's). Pass it explicitly:
 *
 * @example
 * ```ts
 * import { fork } from 'node:child_process';
 * import { TSX_LOADER } from '../lib/tsx-loader.ts';
 *
 * const child = fork(new URL('../lib/sum-child.ts', import.meta.url), [], { execArgv: ['--import', TSX_LOADER] });
 * child.once('message', (reply) => {
 *   console.log(reply); // { sum: 25 }
 *   child.kill();
 * });
 * child.send({ start: 0, end: 100 });
 * ```
 */
export const TSX_LOADER: string = import.meta.resolve('tsx');
