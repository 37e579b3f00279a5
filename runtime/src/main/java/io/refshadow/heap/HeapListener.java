package io.refshadow.heap;

import java.util.List;

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

  /** A collection of {@code generation} starts (gc_collect_main's entry). */
  default void onCollectionStart(int generation) {}

  /**
   * delete_garbage is about to clear {@code garbage}: the unreachable objects of this collection,
   * in the order they will be cleared, with their edges still intact (so the cycles among them can
   * be read). Only called when they will really be freed (not under DEBUG_SAVEALL). The list is the
   * listener's to keep; the nodes must not be changed.
   */
  default void onGarbage(List<Node> garbage) {}

  /** A collection of {@code generation} finished. */
  default void onCollection(
      int generation, int examined, long collected, long uncollectable, long nanos) {}
}
