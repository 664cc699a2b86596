// Wrong: a plain (non-async) function that throws on bad input. The happy path returns
// a promise, but the error escapes as an exception during the call, so a caller's
// `double(x).catch(handle)` never sees it — the exception flies past the `.catch`.
export function double(value: number): Promise<number> {
  if (!Number.isFinite(value)) {
    throw new RangeError(`value must be a finite number, got ${value}`);
  }
  return Promise.resolve(value * 2);
}
