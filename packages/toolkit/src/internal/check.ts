/**
 * Private: the one rule for bad input across the package (not re-exported by `mod.ts`).
 *
 * - A value of the wrong **type** (not a number, not a function, not an AbortSignal, no
 *   options object) is a `TypeError`.
 * - A number of the right type but outside its **range** (negative, a fraction, NaN, 0
 *   where at least 1 is needed, too large) is a `RangeError`.
 *   Node's own errors follow the same split (`ERR_INVALID_ARG_TYPE` is a TypeError,
 *   `ERR_OUT_OF_RANGE` a RangeError).
 * - **Counts** (concurrency, permits, sizes, attempts) are safe integers (at most 2⁵³−1);
 *   `Infinity` only where the option says it means "no limit".
 * - **Times** (`ms`, every `…Ms` option) are milliseconds from 0 to 2³¹−1 (about 24.8 days),
 *   the most a Node timer can wait; `Infinity` only where it means "no limit". A longer
 *   time is rejected, never clamped: Node would fire such a timer after 1 ms, and a value
 *   that large is nearly always a unit mistake.
 * - Every message names where (`sleep()`, `WorkerPool`), the parameter (`ms`,
 *   `options.taskTimeoutMs`), what it must be, and what it got.
 *
 * @module
 */

/** The longest delay a Node timer supports (2³¹−1 ms); longer ones fire after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A short description of a value for error messages: `3`, `"x"`, `null`, `object`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return typeof value;
}

interface NumberRule {
  /** The least value allowed. Default 0. */
  readonly min?: number;
  /** Whether `Infinity` is allowed (it means "no limit"). Default false. */
  readonly infinity?: boolean;
}

/**
 * A count: a safe integer ≥ `min` (or `Infinity` when allowed). Throws a TypeError for a
 * non-number, a RangeError for a number out of range.
 */
export function checkCount(where: string, name: string, value: unknown, rule: NumberRule = {}): number {
  const { min = 0, infinity = false } = rule;
  const want = `an integer from ${min} to 2**53 - 1${infinity ? ' or Infinity' : ''}`;
  if (typeof value !== 'number') throw new TypeError(`${where}: ${name} must be ${want}, got ${describe(value)}`);
  if (value === Infinity && infinity) return value;
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${where}: ${name} must be ${want}, got ${value}`);
  return value;
}

/**
 * A time in milliseconds: a number from `min` to {@link MAX_TIMER_MS} (or `Infinity` when
 * allowed). Throws a TypeError for a non-number, a RangeError for a number out of range.
 */
export function checkMs(where: string, name: string, value: unknown, rule: NumberRule = {}): number {
  const { min = 0, infinity = false } = rule;
  const want = `a number of ms from ${min} to ${MAX_TIMER_MS} (2**31 - 1)${infinity ? ' or Infinity' : ''}`;
  if (typeof value !== 'number') throw new TypeError(`${where}: ${name} must be ${want}, got ${describe(value)}`);
  if (value === Infinity && infinity) return value;
  if (!(value >= min && value <= MAX_TIMER_MS)) throw new RangeError(`${where}: ${name} must be ${want}, got ${value}`);
  return value;
}

/** A function, or a TypeError naming the parameter. */
export function checkFunction<F>(where: string, name: string, value: F): F {
  if (typeof value !== 'function') throw new TypeError(`${where}: ${name} must be a function, got ${describe(value)}`);
  return value;
}

/** `undefined` or an AbortSignal, or a TypeError naming the parameter. */
export function checkSignal(where: string, name: string, value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new TypeError(`${where}: ${name} must be an AbortSignal, got ${describe(value)}`);
}

/**
 * Reads `options.signal` of a method, checking both. Throws a `TypeError` that names the
 * method and the value; methods that return promises turn it into a rejection.
 */
export function readSignal(options: unknown, method: string): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${method}: options must be an object or undefined, got ${describe(options)}`);
  }
  return checkSignal(method, 'options.signal', (options as { signal?: unknown }).signal);
}
