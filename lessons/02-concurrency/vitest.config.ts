export { default } from '@interleave/lesson-config/vitest';
