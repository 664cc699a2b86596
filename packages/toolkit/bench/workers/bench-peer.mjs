// The peers' worker for the pool benchmarks (piscina and tinypool load a default export).
import { handle } from './bench-task.mjs';

export default function task(input) {
  return handle(input, undefined);
}
