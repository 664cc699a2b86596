/**
 * Test helper: an `AbortController` whose signal counts its live `abort` listeners, so a
 * test can prove that a primitive left no listener behind.
 *
 * @module
 */

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

/** What {@link countedAbortController} returns. */
export interface CountedAbortController {
  readonly controller: AbortController;
  readonly signal: AbortSignal;
  /** `abort` listeners added and neither removed nor fired (`once`) yet. */
  listeners(): number;
  /** `abort` listeners ever added. */
  added(): number;
  abort(reason?: unknown): void;
}

/**
 * Creates an `AbortController` whose signal counts `abort` listeners.
 *
 * @example
 * ```ts
 * import { countedAbortController } from '@interleave/toolkit/testing';
 * import { sleep } from '@interleave/toolkit';
 *
 * const counted = countedAbortController();
 * await sleep(1, { signal: counted.signal });
 * console.log(counted.listeners()); // 0: sleep removed its listener
 * ```
 */
export function countedAbortController(): CountedAbortController {
  const controller = new AbortController();
  const signal = controller.signal;
  // Listener identity → wrapper, per capture flag; `once` listeners drop out when they fire.
  const live = new Map<unknown, () => void>();
  let added = 0;
  const add = signal.addEventListener.bind(signal) as (type: string, listener: unknown, options?: unknown) => void;
  const remove = signal.removeEventListener.bind(signal) as (type: string, listener: unknown, options?: unknown) => void;
  Object.defineProperty(signal, 'addEventListener', {
    configurable: true,
    value(type: string, listener: Listener | null, options?: boolean | { once?: boolean }) {
      if (type !== 'abort' || listener === null || live.has(listener)) return add(type, listener, options);
      added++;
      const once = typeof options === 'object' && options.once === true;
      const wrapper = (event: Event): void => {
        if (once) live.delete(listener);
        if (typeof listener === 'function') listener.call(signal, event);
        else listener.handleEvent(event);
      };
      live.set(listener, wrapper as () => void);
      add(type, wrapper, options);
    },
  });
  Object.defineProperty(signal, 'removeEventListener', {
    configurable: true,
    value(type: string, listener: Listener | null, options?: boolean | { capture?: boolean }) {
      const wrapper = type === 'abort' ? live.get(listener) : undefined;
      if (wrapper === undefined) return remove(type, listener, options);
      live.delete(listener);
      remove(type, wrapper, options);
    },
  });
  return {
    controller,
    signal,
    listeners: () => live.size,
    added: () => added,
    abort: (reason?: unknown) => controller.abort(reason),
  };
}
