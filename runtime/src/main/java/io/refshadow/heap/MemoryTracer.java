package io.refshadow.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code io.refshadow.Memory} reports, in the way of Python's {@code tracemalloc}: the shadow
 * bytes of the objects allocated since tracing started and not yet freed (by refcount or by the
 * cycle detector), their peak, the same objects per type, and what pymalloc would hold from the
 * operating system for them ({@link PymallocModel}).
 *
 * <p>A {@link HeapListener} added to the heap when tracing starts ({@link #start}); objects that
 * existed before, and objects first seen late (adopted), were never announced to it and are not
 * counted, as {@code tracemalloc} counts nothing allocated before {@code tracemalloc.start()}.
 *
 * <p>Its fields are guarded by the heap's lock: the callbacks run under it, and the readers are
 * called through {@link PyApi#call}. It uses no {@code java.util} collection on the callback path:
 * those may be instrumented, and its tables are its own business, not the program's.
 */
public final class MemoryTracer implements HeapListener {
  /** The tracer of each heap it was started on (at most one heap is active at a time). */
  private static volatile MemoryTracer current;

  private final ShadowHeap heap;
  private final PymallocModel pymalloc = new PymallocModel();

  // Open addressing (linear probing, backward-shift deletion) from a traced node to its pymalloc
  // handle and its type's index.
  private Node[] keys = new Node[1024];
  private long[] handles = new long[1024];
  private int[] typeOf = new int[1024];
  private int size;

  // Per type, by index: the ClassInfo (compared by identity), live objects and bytes.
  private ClassInfo[] types = new ClassInfo[64];
  private long[] typeObjects = new long[64];
  private long[] typeBytes = new long[64];
  private int typeCount;

  private long currentBytes;
  private long peakBytes;

  private MemoryTracer(ShadowHeap heap) {
    this.heap = heap;
  }

  /** One type's live objects and bytes. */
  public record TypeStat(String type, long count, long bytes) {}

  // ---------------------------------------------------------------------------------------------
  // Starting and stopping (tracemalloc.start / stop / is_tracing).

  /** Starts tracing on the active heap (nothing happens when it already traces). */
  public static void start() {
    ShadowHeap h = ShadowHeap.require();
    MemoryTracer t = current;
    if (t != null && t.heap == h) {
      return;
    }
    // made and used once before the heap's lock is taken: no class may load under it
    MemoryTracer fresh = new MemoryTracer(h);
    fresh.warmUp();
    PyApi.run(
        heap -> {
          MemoryTracer again = current;
          if (again == null || again.heap != heap) {
            heap.addListener(fresh);
            current = fresh;
          }
        });
  }

  /** Stops tracing and forgets what was traced. */
  public static void stop() {
    PyApi.run(
        heap -> {
          MemoryTracer t = current;
          if (t != null && t.heap == heap) {
            heap.removeListener(t);
            current = null;
          }
        });
  }

  /**
   * The shadow {@code heap} is being released ({@code ShadowHeap.releaseAll}, lock held): its
   * tracer, if it has one, forgets every node it traces (it keeps them in its own table, which
   * would keep them alive) and answers from then on as for an empty heap; tracing goes on.
   */
  static void forgetAll(ShadowHeap heap) {
    MemoryTracer t = current;
    if (t == null || t.heap != heap) {
      return;
    }
    for (int i = 0; i < t.keys.length; i++) {
      Node n = t.keys[i];
      if (n != null) {
        t.pymalloc.free(t.handles[i], Math.max(n.size(), 0));
      }
    }
    t.keys = new Node[1024];
    t.handles = new long[1024];
    t.typeOf = new int[1024];
    t.size = 0;
    java.util.Arrays.fill(t.typeObjects, 0);
    java.util.Arrays.fill(t.typeBytes, 0);
    t.currentBytes = 0;
  }

  public static boolean isTracing() {
    ShadowHeap h = ShadowHeap.require();
    MemoryTracer t = current;
    return t != null && t.heap == h;
  }

  /** The running tracer, read under the heap's lock, or an exception saying to start one. */
  public static MemoryTracer require(ShadowHeap heap) {
    MemoryTracer t = current;
    if (t == null || t.heap != heap) {
      throw new IllegalStateException(
          "memory is not traced yet: call Memory.start() first (as tracemalloc.start())");
    }
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // Readers (heap lock held).

  public long currentBytes() {
    return currentBytes;
  }

  public long peakBytes() {
    return peakBytes;
  }

  /** tracemalloc.reset_peak(): the peak becomes the current size. */
  public void resetPeak() {
    peakBytes = currentBytes;
  }

  /** Objects traced and not yet freed. */
  public long objects() {
    return size;
  }

  public PymallocModel pymalloc() {
    return pymalloc;
  }

  /** Live objects and bytes per type, most bytes first (types with none left are left out). */
  public List<TypeStat> byType() {
    List<TypeStat> out = new ArrayList<>();
    for (int i = 0; i < typeCount; i++) {
      if (typeObjects[i] > 0) {
        out.add(new TypeStat(types[i].name, typeObjects[i], typeBytes[i]));
      }
    }
    out.sort(
        (a, b) ->
            a.bytes() != b.bytes()
                ? Long.compare(b.bytes(), a.bytes())
                : a.type().compareTo(b.type()));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Listener callbacks (heap lock held; quick; never calling back into the heap).

  @Override
  public void onAllocation(Node node) {
    try {
      if (node.has(Node.IMMORTAL) || node.type == null || find(node) >= 0) {
        return;
      }
      long bytes = Math.max(node.size(), 0);
      int type = typeIndex(node.type);
      put(node, pymalloc.allocate(bytes), type);
      typeObjects[type]++;
      typeBytes[type] += bytes;
      currentBytes += bytes;
      if (currentBytes > peakBytes) {
        peakBytes = currentBytes;
      }
    } catch (Throwable t) {
      Failures.report("memory tracer (allocation)", t);
    }
  }

  @Override
  public void onFree(Node node, boolean byCycleDetector, Object object) {
    try {
      int slot = find(node);
      if (slot < 0) {
        return; // allocated before tracing started, or adopted: never counted
      }
      long bytes = Math.max(node.size(), 0);
      int type = typeOf[slot];
      pymalloc.free(handles[slot], bytes);
      removeAt(slot);
      typeObjects[type]--;
      typeBytes[type] -= bytes;
      currentBytes -= bytes;
    } catch (Throwable t) {
      Failures.report("memory tracer (free)", t);
    }
  }

  /** Runs the callback paths once on a throwaway tracer, so that they load their classes now. */
  private void warmUp() {
    MemoryTracer probe = new MemoryTracer(heap);
    Node[] nodes = new Node[2000];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new Node(null, ClassInfo.of(MemoryTracer.class), 16 + (i % 40) * 16, null);
      probe.onAllocation(nodes[i]);
    }
    for (Node n : nodes) {
      probe.onFree(n, false, null);
    }
    probe.byType();
  }

  // ---------------------------------------------------------------------------------------------
  // The tables.

  private int typeIndex(ClassInfo type) {
    for (int i = typeCount - 1; i >= 0; i--) {
      if (types[i] == type) {
        return i;
      }
    }
    if (typeCount == types.length) {
      int n = typeCount * 2;
      types = java.util.Arrays.copyOf(types, n);
      typeObjects = java.util.Arrays.copyOf(typeObjects, n);
      typeBytes = java.util.Arrays.copyOf(typeBytes, n);
    }
    types[typeCount] = type;
    return typeCount++;
  }

  private int home(Node n, int mask) {
    int h = System.identityHashCode(n) * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private int find(Node n) {
    int mask = keys.length - 1;
    for (int i = home(n, mask); ; i = (i + 1) & mask) {
      Node k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k == n) {
        return i;
      }
    }
  }

  private void put(Node n, long handle, int type) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = home(n, mask);
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = n;
    handles[i] = handle;
    typeOf[i] = type;
    size++;
  }

  /** Removes slot {@code i}, shifting back later entries of its probe run (no tombstones). */
  private void removeAt(int i) {
    int mask = keys.length - 1;
    keys[i] = null;
    size--;
    for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      int h = home(keys[j], mask);
      // keys[j] may move to the hole at i if its home is not in (i, j] cyclically
      boolean stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!stays) {
        keys[i] = keys[j];
        handles[i] = handles[j];
        typeOf[i] = typeOf[j];
        keys[j] = null;
        i = j;
      }
    }
  }

  private void grow() {
    Node[] oldKeys = keys;
    long[] oldHandles = handles;
    int[] oldTypes = typeOf;
    keys = new Node[oldKeys.length * 2];
    handles = new long[keys.length];
    typeOf = new int[keys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldHandles[i], oldTypes[i]);
      }
    }
  }
}
