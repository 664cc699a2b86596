// Wrong: returns the number itself, not a promise of it. The cast silences the compiler,
// but `double(2).then(…)` crashes with "then is not a function".
export function double(value: number): Promise<number> {
  if (!Number.isFinite(value)) {
    throw new RangeError(`value must be a finite number, got ${value}`);
  }
  return (value * 2) as unknown as Promise<number>;
}
