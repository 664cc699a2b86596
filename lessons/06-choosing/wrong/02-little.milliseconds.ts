// Wrong: multiplies per-second throughput by a latency in milliseconds: 1000 times too many.
function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`fetchConcurrency: ${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

export function fetchConcurrency(latencyMs: number | readonly number[], targetPerSecond: number): number {
  const samples = typeof latencyMs === 'number' ? [latencyMs] : latencyMs;
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new RangeError(`fetchConcurrency: latencyMs must be a number or a non-empty array of numbers, got ${JSON.stringify(latencyMs)}`);
  }
  let total = 0;
  samples.forEach((sample: unknown, i) => (total += checkPositive(`latencyMs[${i}]`, sample)));
  checkPositive('targetPerSecond', targetPerSecond);
  const meanSeconds = total / samples.length;
  // Little's law: in flight = throughput × time in the system.
  return Math.max(1, Math.ceil(targetPerSecond * meanSeconds - 1e-9));
}
