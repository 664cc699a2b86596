/** The reference answer. Say why it is right in comments. */
export function rateLimit(): number {
  return 42;
}
