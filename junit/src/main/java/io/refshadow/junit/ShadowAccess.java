package io.refshadow.junit;

import io.refshadow.Gc;
import io.refshadow.heap.HeapInspector;
import io.refshadow.heap.Node;
import io.refshadow.heap.PyApi;
import java.util.Map;

/**
 * The one door from the extension to refshadow-runtime: every use of a runtime class goes through
 * here or through the classes it creates, and callers reach it only after {@link
 * AgentActivation#ensureActive}, so the runtime is always loaded from the bootstrap class path.
 */
final class ShadowAccess {
  private ShadowAccess() {}

  /** Starts measuring the current thread's test. */
  static Measurement startMeasuring(CheckSettings settings) {
    TestTracker tracker = new TestTracker(settings, Thread.currentThread());
    PyApi.run(heap -> heap.addListener(tracker));
    return tracker;
  }

  /**
   * Live tracked objects by type name, {@code [count, shallow bytes]}: objgraph's {@code
   * typestats}, over what {@code gc.get_objects()} lists.
   */
  static Map<String, long[]> typeStats(boolean collectFirst) {
    if (collectFirst) {
      Gc.collect();
    }
    return PyApi.call(
        heap -> {
          // a sorted map refshadow does not instrument: the snapshot must not show up in itself
          Map<String, long[]> stats = new java.util.concurrent.ConcurrentSkipListMap<>();
          for (Node n : HeapInspector.trackedObjects(heap)) {
            if (n.isJdkInternal()) {
              continue; // the JDK's own bookkeeping (class loading, method types), not the test's
            }
            // alive in the shadow (what Python would hold), even if the JVM reclaimed it already
            long[] s = stats.computeIfAbsent(n.typeName(), k -> new long[2]);
            s[0]++;
            s[1] += n.size();
          }
          return stats;
        });
  }
}
