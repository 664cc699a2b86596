// Child processes that run TypeScript. A child started with child_process.fork(file) is a
// fresh Node: it does not inherit the TypeScript loader of its parent (vitest's or tsx's).

/** The `file:` URL of tsx's loader: `fork(file, [], { execArgv: ['--import', TSX_IMPORT] })`. */
export const TSX_IMPORT: string = import.meta.resolve('tsx');

/** `execArgv` for a child that runs a `.ts` file. */
export function tsxExecArgv(): string[] {
  return ['--import', TSX_IMPORT];
}
