/** The reference answer. Say why it is right in comments. */
export function fanIn(): number {
  return 42;
}
