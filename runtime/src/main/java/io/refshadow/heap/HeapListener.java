package io.refshadow.heap;

/**
 * Receives what happens in the shadow heap, for recordings (JFR) and reports. Called with the
 * heap's lock held: implementations must be quick and must not call back into the heap.
 */
public interface HeapListener {
  HeapListener NONE = new HeapListener() {};

  /** An object was registered as allocated by instrumented code. */
  default void onAllocation(Node node) {}

  /**
   * A node was freed.
   *
   * @param byCycleDetector true when freed while the cycle detector deleted garbage
   * @param object the real object if the shadow still held it, else null
   */
  default void onFree(Node node, boolean byCycleDetector, Object object) {}

  default void onFinalizer(Node node) {}

  default void onWeakrefCallback(ShadowWeakref ref) {}

  /** A collection of {@code generation} finished. */
  default void onCollection(
      int generation, int examined, long collected, long uncollectable, long nanos) {}
}
