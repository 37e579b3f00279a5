package io.refshadow.heap;

/**
 * Receives the shadow heap's root references one by one, each with where it is held ({@link
 * ShadowHeap#forEachRoot}): what objgraph's {@code find_backref_chain} stops at (modules, frames).
 */
@FunctionalInterface
public interface RootVisitor {
  /** Where a root reference is held. */
  enum Kind {
    /** A static field (a module global); {@code index} is its field id ({@link FieldRegistry}). */
    STATIC_FIELD,
    /** A local variable of a live frame; {@code index} is its slot. */
    LOCAL,
    /** A temporary of a live frame (a value on CPython's evaluation stack). */
    TEMPORARY,
    /** A value being returned from a frame to its caller. */
    RETURN_VALUE,
    /** An entry of {@code gc.garbage}; {@code index} is its position. */
    GC_GARBAGE
  }

  /**
   * @param node the node referred to
   * @param thread the thread whose frame holds it, or null for statics and gc.garbage
   * @param depth the frame's call depth on that thread (0 = outermost instrumented frame), or -1
   * @param index a slot, a field id or a list position, depending on {@code kind}
   */
  void root(Node node, Kind kind, Thread thread, int depth, int index);
}
