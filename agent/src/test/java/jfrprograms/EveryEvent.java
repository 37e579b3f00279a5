package jfrprograms;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;

/**
 * Makes refshadow emit each of its events at least once: objects freed by refcount (Lifetime), a
 * finalizer run by refcount and one run by the cycle detector (Finalizer), a weakref callback
 * (WeakrefCallback), reference cycles (Collection, Cycle), and, while it sleeps past a summary
 * period, the periodic summaries (ShadowHeapSummary, TypeSummary; RunSummary at the end).
 */
public final class EveryEvent {
  /** Has a finalizer, as a Python class with __del__. */
  static final class Resource {
    Resource other;

    @Del
    void close() {
      finalized++;
    }
  }

  static int finalized;
  static int callbacks;

  public static void main(String[] args) throws InterruptedException {
    Resource byRefcount = new Resource();
    Weakref<Resource> ref = Weakref.ref(byRefcount, r -> callbacks++);
    byRefcount = null; // refcount 0: __del__, then the weakref callback

    Resource a = new Resource();
    Resource b = new Resource();
    a.other = b;
    b.other = a;
    a = null;
    b = null;
    int collected = Gc.collect(); // both finalized by the cycle detector

    for (int i = 0; i < 50; i++) {
      new Resource(); // freed at the end of the statement
    }
    System.gc();
    Thread.sleep(1200); // past the detailed settings' summary periods (100 ms and 1 s)
    System.out.println(
        "collected "
            + collected
            + ", finalized "
            + finalized
            + ", callbacks "
            + callbacks
            + ", ref cleared "
            + (ref.get() == null));
  }
}
