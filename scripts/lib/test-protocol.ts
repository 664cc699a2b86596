// Messages between the runner (test-client.ts) and its warm vitest (test-server.ts).

export interface TestErrorInfo {
  name: string;
  message: string;
  stack?: string | undefined;
  diff?: string | undefined;
  frame?: string | undefined;
  locations: Array<{ file: string; line: number; column: number }>;
}

interface TestCaseResult {
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  errors: TestErrorInfo[];
  durationMs?: number | undefined;
}

export interface FileResult {
  file: string;
  state: string;
  tests: TestCaseResult[];
  /** Errors outside any test: a syntax error, a throw at import time. */
  moduleErrors: TestErrorInfo[];
}

export type ClientMessage = { type: 'run'; id: number; files: string[]; invalidate?: string[] };

export type ServerMessage =
  | { type: 'ready' }
  | { type: 'queued'; file: string }
  | { type: 'file-end'; result: FileResult }
  | { type: 'log'; file: string | undefined; stream: 'stdout' | 'stderr'; content: string }
  | { type: 'run-end-errors'; errors: TestErrorInfo[] }
  | { type: 'run-end'; id: number }
  | { type: 'fatal'; id: number; error: TestErrorInfo };
