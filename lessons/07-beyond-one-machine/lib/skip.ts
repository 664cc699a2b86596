// The one line a learner without redis-server sees instead of an obscure failure.
import { missingCommandLine } from '@interleave/lesson-kit/commands';
import { redisServerPath } from './redis.ts';

/** Why this lesson cannot run here, or undefined when redis-server is installed. */
export function redisMissing(): string | undefined {
  if (redisServerPath()) return undefined;
  return `Lesson 07 needs a Redis server: ${missingCommandLine('redis-server')} In a container, any Debian-based image works: \`apt-get install -y redis-server\`.`;
}
