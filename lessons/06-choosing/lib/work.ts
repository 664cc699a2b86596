/**
 * The CPU stage of the lesson's pipeline: parse a page, then hash it `rounds` times.
 * `rounds` is the knob: 0 is almost free, a few thousand is milliseconds of pure computing
 * on whichever thread calls it. It never waits for anything, so it cannot be overlapped
 * with anything else on the same thread.
 */
import { createHash } from 'node:crypto';

export interface Page {
  /** Where the page came from, e.g. `/page/3`. */
  readonly path: string;
  /** Its body, as text. */
  readonly body: string;
}

export interface Digest {
  readonly path: string;
  /** The hex digest after the last round. */
  readonly digest: string;
  /** `threadId` of the thread that computed it (0 is the main thread). */
  readonly threadId: number;
}

/** Parses `page.body` as JSON (a page that is not JSON still hashes) and hashes it `rounds` times. */
export function digestPage(page: Page, rounds: number, threadId = 0): Digest {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`digestPage: rounds must be an integer >= 0, got ${rounds}`);
  let text = page.body;
  try {
    text = JSON.stringify(JSON.parse(page.body));
  } catch {
    // not JSON: hash the raw text
  }
  let digest = createHash('sha256').update(text).digest();
  for (let i = 0; i < rounds; i++) digest = createHash('sha256').update(digest).digest();
  return { path: page.path, digest: digest.toString('hex'), threadId };
}
