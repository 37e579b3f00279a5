package io.refshadow.heap;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The locked implementation behind {@code io.refshadow.Gc}, {@code Sys} and {@code Weakref}. Each
 * call requires an installed heap (or throws {@link IllegalStateException} naming the {@code
 * -javaagent} flag) and runs with the heap marked busy, so that refshadow's own bookkeeping is
 * never mirrored.
 */
public final class PyApi {
  private PyApi() {}

  public static <T> T call(Function<ShadowHeap, T> body) {
    ShadowHeap h = ShadowHeap.require();
    h.lock();
    boolean saved = h.busy;
    h.busy = true;
    try {
      return body.apply(h);
    } finally {
      h.busy = saved;
      h.unlock();
    }
  }

  /**
   * Like {@link #call}, but gives up after {@code millis} if another thread holds the heap (for the
   * exit summary: a JVM must be able to exit even if a thread stopped inside a hook).
   */
  public static <T> T tryCall(long millis, Function<ShadowHeap, T> body, T fallback) {
    ShadowHeap h = ShadowHeap.require();
    if (!h.tryLock(millis)) {
      return fallback;
    }
    boolean saved = h.busy;
    h.busy = true;
    try {
      return body.apply(h);
    } finally {
      h.busy = saved;
      h.unlock();
    }
  }

  public static void run(java.util.function.Consumer<ShadowHeap> body) {
    call(
        h -> {
          body.accept(h);
          return null;
        });
  }

  public static int collect(int generation) {
    if (generation < 0 || generation >= CycleDetector.NUM_GENERATIONS) {
      throw new IllegalArgumentException(
          "invalid generation " + generation + ": use 0, 1 or 2 (as gc.collect raises ValueError)");
    }
    return call(h -> (int) h.gc.collect(generation));
  }

  public static long getRefcount(Object obj) {
    if (obj == null) {
      ShadowHeap.require(); // without the agent every call fails, even one about None
      return 4294967295L; // None is immortal in CPython 3.12
    }
    return call(h -> h.getRefcount(obj));
  }

  public static long sizeOf(Object obj) {
    if (obj == null) {
      ShadowHeap.require();
      return 16;
    }
    return call(h -> h.sizeOf(obj));
  }

  public static boolean isTracked(Object obj) {
    if (obj == null) {
      ShadowHeap.require();
      return false;
    }
    return call(
        h -> {
          Node n = h.find(obj);
          if (n == null) {
            return ClassInfo.of(obj.getClass()).tracked && !ShadowHeap.isImmortalValue(obj);
          }
          return n.has(Node.TRACKED);
        });
  }

  public static boolean isFinalized(Object obj) {
    if (obj == null) {
      ShadowHeap.require();
      return false;
    }
    return call(
        h -> {
          Node n = h.find(obj);
          return n != null && n.has(Node.FINALIZED);
        });
  }

  /** A result list: a new Python list that the caller receives (it holds its items). */
  private static List<Object> resultList(ShadowHeap h, List<Object> items) {
    List<Object> list = new ResultList(items.toArray());
    h.registerResultList(list, items);
    return list;
  }

  public static List<Object> getObjects(int generation) {
    if (generation < -1 || generation >= CycleDetector.NUM_GENERATIONS) {
      throw new IllegalArgumentException(
          "generation parameter must be less than the number of available generations (3)");
    }
    return call(h -> resultList(h, h.objectsOf(generation)));
  }

  public static List<Object> getReferrers(Object[] objs) {
    return call(h -> resultList(h, h.referrersOf(objs)));
  }

  public static List<Object> getReferents(Object[] objs) {
    return call(h -> resultList(h, h.referentsOf(objs)));
  }

  public static <W extends ShadowWeakref> W newWeakref(
      Object obj, Object callback, Supplier<W> factory) {
    ShadowHeap.require(); // the missing agent is the first thing to report
    if (obj == null) {
      throw new IllegalArgumentException("cannot create weak reference to 'NoneType' object");
    }
    return call(h -> h.newWeakref(obj, callback, factory));
  }

  public static int weakrefCount(Object obj) {
    if (obj == null) {
      ShadowHeap.require();
      return 0;
    }
    return call(
        h -> {
          Node n = h.find(obj);
          int c = 0;
          for (ShadowWeakref w = n == null ? null : h.weakrefs(n); w != null; w = w.nextRef) {
            c++;
          }
          return c;
        });
  }

  /** gc.garbage: a live list view; removing entries releases their references. */
  public static List<Object> garbage() {
    ShadowHeap h = ShadowHeap.require();
    return new GarbageView(h);
  }

  private static final class ResultList extends AbstractList<Object> {
    private final Object[] items;

    ResultList(Object[] items) {
      this.items = items;
    }

    @Override
    public Object get(int index) {
      return items[index];
    }

    @Override
    public int size() {
      return items.length;
    }
  }

  private static final class GarbageView extends AbstractList<Object> {
    private final ShadowHeap heap;

    GarbageView(ShadowHeap heap) {
      this.heap = heap;
    }

    @Override
    public Object get(int index) {
      return call(h -> h.strong(h.garbage.get(index)));
    }

    @Override
    public int size() {
      return call(h -> h.garbage.size());
    }

    @Override
    public void add(int index, Object element) {
      run(h -> h.insertGarbage(index, h.nodeOfValue(element), element));
    }

    @Override
    public Object remove(int index) {
      return call(
          h -> {
            Object obj = h.strong(h.garbage.get(index));
            h.removeGarbage(index); // may free it: its finalizer runs as user code
            return obj;
          });
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
      for (int i = toIndex - 1; i >= fromIndex; i--) {
        remove(i);
      }
    }

    @Override
    public String toString() {
      return "gc.garbage" + new ArrayList<>(this);
    }

    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(heap);
    }
  }
}
