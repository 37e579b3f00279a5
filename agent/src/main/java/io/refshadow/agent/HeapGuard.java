package io.refshadow.agent;

import io.refshadow.heap.ShadowHeap;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shadow heap shares the program's heap, and {@code maxShadowMemory} budgets it by an estimate;
 * this guard looks at the real thing. The shadow heap asks it from the program's own threads, every
 * 16,384 method entries and allocations on each (an array counts a tick per 16 elements), from a
 * hook in the program's own code, never from inside the JDK's collections ({@link
 * ShadowHeap#setPressureCheck}), outside its lock and with the thread's hooks off. It reads the
 * JVM's most recent garbage collection (the collectors' {@code getLastGcInfo}): if that collection
 * left the heap pools holding more than {@value #PERCENT}% of the maximum heap, and the shadow (by
 * its estimate) holds a tenth of it or more, it answers a warning and the shadow is released there
 * and then, whatever the budget ({@code none} included) and also when mirroring had already stopped
 * at the budget, so that refshadow gives its memory back before the program runs out.
 *
 * <p>After a young collection the old generation still holds its garbage, so the figure can be
 * above the live heap: the guard errs towards giving the memory back. No thread and no JMX
 * notification listener of its own: an earlier guard listened to the collectors' notifications,
 * which the JVM delivers late on a loaded machine, from a thread that runs instrumented JDK code.
 * It sets up its view of the collectors at its first question, and on a JVM without {@code
 * com.sun.management} (or without {@code java.management}) it answers nothing, and the budget alone
 * applies.
 */
final class HeapGuard implements Supplier<String> {
  /** Share of the maximum heap, full after a collection, at which the shadow is released. */
  static final int PERCENT = 85;

  /**
   * The shadow is released only if it holds at least this share of the maximum heap (1/10):
   * releasing less would not help a program that fills its heap by itself, and would lose the watch
   * for nothing.
   */
  static final int MIN_SHARE_DIVISOR = 10;

  private final ShadowHeap heap;
  private final long maxHeap;
  private List<com.sun.management.GarbageCollectorMXBean> collectors;
  private Set<String> heapPools;

  /** The collectors' total collection count at the last question. */
  private long collectionsSeen = -1;

  private HeapGuard(ShadowHeap heap, long maxHeap) {
    this.heap = heap;
    this.maxHeap = maxHeap;
  }

  /** Installs the guard on {@code heap}, unless the JVM has no maximum heap to be near. */
  static void install(ShadowHeap heap) {
    long max = Runtime.getRuntime().maxMemory();
    if (max == Long.MAX_VALUE) {
      return;
    }
    heap.setPressureCheck(new HeapGuard(heap, max));
  }

  @Override
  public synchronized String get() { // asked from any thread
    if (collectors == null) {
      collectors = new ArrayList<>();
      heapPools = new HashSet<>();
      try {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          if (p.getType() == MemoryType.HEAP) {
            heapPools.add(p.getName());
          }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
          if (gc instanceof com.sun.management.GarbageCollectorMXBean) {
            collectors.add((com.sun.management.GarbageCollectorMXBean) gc);
          }
        }
      } catch (RuntimeException | LinkageError e) {
        collectors.clear(); // no management API here: the guard answers nothing
      }
    }
    long count = 0;
    for (com.sun.management.GarbageCollectorMXBean gc : collectors) {
      count += gc.getCollectionCount();
    }
    if (count == collectionsSeen) {
      return null; // no collection since the last question: nothing new to read (the cheap path)
    }
    collectionsSeen = count;
    com.sun.management.GcInfo latest = null;
    for (com.sun.management.GarbageCollectorMXBean gc : collectors) {
      com.sun.management.GcInfo info = gc.getLastGcInfo();
      if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
        latest = info;
      }
    }
    if (latest == null) {
      return null; // no collection yet
    }
    long used = usedAfter(latest.getMemoryUsageAfterGc(), heapPools);
    if (used > maxHeap / 100 * PERCENT && heap.shadowBytes() >= maxHeap / MIN_SHARE_DIVISOR) {
      return String.format(
          Locale.ROOT,
          "the heap was %d%% full after a garbage collection (%d of %d MB, refshadow's"
              + " guard acts from %d%%)",
          used * 100 / maxHeap,
          used >> 20,
          maxHeap >> 20,
          PERCENT);
    }
    return null;
  }

  /** What the heap's pools hold after a collection. */
  static long usedAfter(Map<String, MemoryUsage> afterGc, Set<String> heapPools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : afterGc.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }
}
