// Child process for the demos: like sum-child.ts, but says when each range ran.
import { task } from './tasks/timed-primes.task.ts';

process.on('message', (range: { start: number; end: number }) => {
  process.send!(task(range));
});
