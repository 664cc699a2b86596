// Timers on a binary min-heap.
//
// push(when, callback) stores a timer { when, seq, callback } — seq counts pushes, 0, 1,
// 2 … — and returns it. pop() removes and returns the timer with the smallest `when`;
// between equal `when`s, the one pushed first (smallest seq). peek() returns the same
// timer without removing it; both return undefined when the heap is empty. Both push and
// pop must cost O(log n): keep the timers in an array where items[i]'s children are
// items[2i+1] and items[2i+2], each parent ordered before its children.

export interface Timer {
  readonly when: number;
  readonly seq: number;
  readonly callback: () => void;
}

export class TimerHeap {
  get size(): number {
    // TODO
    throw new Error('Not implemented: TimerHeap.size');
  }

  push(when: number, callback: () => void): Timer {
    // TODO: append, then sift up; a `when` that is not a number is a TypeError
    throw new Error(`Not implemented: push (${when}, ${typeof callback})`);
  }

  peek(): Timer | undefined {
    // TODO
    throw new Error('Not implemented: peek');
  }

  pop(): Timer | undefined {
    // TODO: take the root, move the last item to the root, sift it down
    throw new Error('Not implemented: pop');
  }
}
