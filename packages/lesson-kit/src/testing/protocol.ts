// The messages between a test (run-answer.ts) and the worker thread or child process that
// runs the answer under test (serve.ts).

/** What the helper gets first: the answer's file and its own input. */
export interface AnswerJob<I = unknown> {
  impl: string;
  input: I;
}
/** A child process asks for its job with this (a thread gets it as workerData). */
export interface Hello {
  hello: true;
}
/** Posted once the answer under test is loaded; the scenario runs after the host's "go". */
export interface Ready {
  ready: true;
}
/** Exactly one per helper. Errors travel as { name, message } so the test can re-throw them. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };
export const GO = 'go';
