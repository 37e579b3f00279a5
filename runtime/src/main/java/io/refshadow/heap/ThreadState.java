package io.refshadow.heap;

/**
 * Per-thread shadow state: the stack of shadow frames and the value being returned. Guarded by the
 * heap's lock; only its thread uses it.
 */
final class ThreadState {
  final Thread thread;
  Frame[] frames = new Frame[16];

  /** Number of active frames; frames[depth - 1] is the top. */
  int depth;

  /**
   * The reference a returning frame hands to its caller (moved from the callee's locals to the
   * caller's temporaries by {@code Hooks.result}); released at the next frame event if no
   * instrumented caller claims it.
   */
  Node pendingReturn;

  /**
   * Above zero while this thread runs refshadow's own work outside the heap (the class
   * transformer): instrumented code it calls, such as JDK collections, is not mirrored.
   */
  int suppressed;

  /**
   * Method entries and allocations this thread reported, for the heap guard's polling ({@link
   * HookSupport}).
   */
  int ticks;

  ThreadState(Thread thread) {
    this.thread = thread;
  }

  Frame push(int maxLocals) {
    if (depth == frames.length) {
      frames = java.util.Arrays.copyOf(frames, frames.length * 2);
    }
    Frame f = frames[depth];
    if (f == null) {
      f = new Frame(this, depth);
      frames[depth] = f;
    }
    depth++;
    f.reset(maxLocals);
    return f;
  }

  /** Drops every node this thread's frames hold (after mirroring stopped for good). */
  void forgetNodes() {
    pendingReturn = null;
    for (Frame f : frames) {
      if (f != null) {
        java.util.Arrays.fill(f.locals, null);
        java.util.Arrays.fill(f.temps, null);
        f.localCount = 0;
        f.tempCount = 0;
      }
    }
  }

  Frame top() {
    return depth == 0 ? null : frames[depth - 1];
  }
}
