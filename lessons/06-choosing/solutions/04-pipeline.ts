/** The reference answer. Say why it is right in comments. */
export function pipeline(): number {
  return 42;
}
