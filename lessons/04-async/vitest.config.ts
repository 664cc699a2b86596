export { default } from '@interleave/lesson-kit/vitest';
