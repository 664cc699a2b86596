/** The reference answer. Say why it is right in comments. */
export function handOff(): number {
  return 42;
}
