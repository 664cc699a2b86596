// Wrong: returns the number itself, not a promise of it.
export function double(value: number): Promise<number> {
  return (value * 2) as unknown as Promise<number>;
}
