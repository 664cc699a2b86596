// A future: a result that will exist later, bound to a loop (anything with callSoon).
//
// setResult(value) / setException(error) settle it once (a second time throws an Error);
// result() returns the value, throws the exception, or throws an Error if it is not done.
// addDoneCallback(cb) registers cb(future). When the future settles, every registered
// callback is *scheduled* with loop.callSoon — never called from inside setResult. A
// callback added to a future that is already done is scheduled too.

export interface Scheduler {
  callSoon(callback: () => void): unknown;
}

export class Future<T> {
  constructor(loop: Scheduler) {
    // TODO: keep the loop
    void loop;
  }

  done(): boolean {
    // TODO
    throw new Error('Not implemented: done');
  }

  result(): T {
    // TODO
    throw new Error('Not implemented: result');
  }

  setResult(value: T): void {
    // TODO
    throw new Error(`Not implemented: setResult (${String(value)})`);
  }

  setException(error: unknown): void {
    // TODO
    throw new Error(`Not implemented: setException (${String(error)})`);
  }

  addDoneCallback(callback: (future: Future<T>) => void): void {
    // TODO
    throw new Error(`Not implemented: addDoneCallback (${typeof callback})`);
  }
}
