// Wrong: every access is atomic, but the increment is not. `Atomics.load` then
// `Atomics.store` is still read … (another thread writes here) … write: the same lost
// update as `++`. Atomic *steps* do not make an atomic *sequence*; use one read-modify-write
// (`Atomics.add`, or a `compareExchange` loop).
export function countUp(counter: Int32Array, index: number, times: number): void {
  if (!Number.isInteger(times) || times < 0) {
    throw new RangeError(`countUp: times must be an integer >= 0, got ${times}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= counter.length) {
    throw new RangeError(`countUp: index must be an integer in [0, ${counter.length - 1}], got ${index}`);
  }
  for (let i = 0; i < times; i++) {
    const seen = Atomics.load(counter, index);
    Atomics.store(counter, index, seen + 1);
  }
}
