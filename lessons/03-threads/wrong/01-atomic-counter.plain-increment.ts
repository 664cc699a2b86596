// Wrong: `counter[index]++` on shared memory is three steps — load, add, store. Two threads
// that load the same value both store value + 1, and one increment is lost. Run alone it
// is always right, which is why this bug survives single-threaded testing.
export function countUp(counter: Int32Array, index: number, times: number): void {
  if (!Number.isInteger(times) || times < 0) {
    throw new RangeError(`countUp: times must be an integer >= 0, got ${times}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= counter.length) {
    throw new RangeError(`countUp: index must be an integer in [0, ${counter.length - 1}], got ${index}`);
  }
  for (let i = 0; i < times; i++) {
    counter[index]++;
  }
}
