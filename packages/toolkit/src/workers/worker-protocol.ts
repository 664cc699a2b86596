// Private: the messages between WorkerPool (host) and defineWorker (thread), kept in
// one place so both sides agree. Messages are small arrays, not objects: they are
// cloned on every task, and a short array clones faster than an object with keys.
//
//   host -> worker   [id, input]           run this task (id > 0)
//   host -> worker   [-id, reasonName]     abort task id (drop it if it has not started)
//   worker -> host   [0, READY, null]      defineWorker() is listening
//   worker -> host   [id, OK, output]      task id returned output
//   worker -> host   [id, THREW, error]    task id threw; error as serializeError() made it

export const READY = 0;
export const OK = 1;
export const THREW = 2;

export type HostMessage = [id: number, input: unknown] | [negativeId: number, reason: string];
export type WorkerMessage = [id: number, status: number, value: unknown];

interface SerializedError {
  __interleaveError: true;
  name: string;
  message: string;
  stack: string | undefined;
  props: Record<string, unknown>;
}

/**
 * Turns a thrown value into something structured clone keeps whole. Node's own clone of
 * an Error keeps its message but not a custom `name` or extra fields such as `code`.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value !== 'function' && typeof value !== 'symbol') props[key] = value;
  }
  if (error.cause !== undefined) props.cause = serializeError(error.cause);
  return { __interleaveError: true, name: error.name, message: error.message, stack: error.stack, props } satisfies SerializedError;
}

const BUILTIN: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Rebuilds what serializeError() made: same name, message, stack and own fields. */
export function deserializeError(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !(value as SerializedError).__interleaveError) return value;
  const data = value as SerializedError;
  const Ctor = BUILTIN[data.name] ?? Error;
  const error = new Ctor(data.message);
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, configurable: true, writable: true });
  if (data.stack !== undefined) error.stack = data.stack;
  for (const [key, field] of Object.entries(data.props)) {
    (error as unknown as Record<string, unknown>)[key] = key === 'cause' ? deserializeError(field) : field;
  }
  return error;
}
