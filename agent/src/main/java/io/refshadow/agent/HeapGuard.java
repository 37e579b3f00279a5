package io.refshadow.agent;

import io.refshadow.heap.ShadowHeap;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The shadow heap shares the program's heap, and {@code maxShadowMemory} budgets it by an estimate;
 * this guard watches the real thing. After every garbage collection the JVM reports (the
 * collectors' notifications, delivered on the JVM's notification thread), it adds up what the heap
 * pools hold; when that is over {@value #PERCENT}% of the maximum heap, and the shadow (by its
 * estimate) holds a tenth of it or more, mirroring stops and the whole shadow is released ({@link
 * ShadowHeap#releaseUnderPressure}), so that refshadow gives its memory back before the program
 * runs out, whatever the budget (even {@code none}) and however wrong the estimate.
 *
 * <p>After a young collection the old generation still holds its garbage, so the figure can be
 * above the live heap: the guard errs towards giving the memory back. It is installed from a daemon
 * thread, off the program's start-up path, and gives up silently on a JVM without the {@code
 * com.sun.management} notifications.
 */
final class HeapGuard implements NotificationListener {
  /** Share of the maximum heap, full after a collection, at which the shadow is released. */
  static final int PERCENT = 80;

  /**
   * The shadow is released only if it holds at least this share of the maximum heap (1/10):
   * releasing less would not help a program that fills its heap by itself, and would lose the watch
   * for nothing.
   */
  static final int MIN_SHARE_DIVISOR = 10;

  private final ShadowHeap heap;
  private final long maxHeap;
  private final Set<String> heapPools;

  private HeapGuard(ShadowHeap heap, long maxHeap, Set<String> heapPools) {
    this.heap = heap;
    this.maxHeap = maxHeap;
    this.heapPools = heapPools;
  }

  /** Starts watching the heap for {@code heap}, from a daemon thread. */
  static void start(ShadowHeap heap) {
    long max = Runtime.getRuntime().maxMemory();
    if (max == Long.MAX_VALUE) {
      return; // no maximum heap to be near
    }
    Thread t = new Thread(() -> install(heap, max), "refshadow heap guard");
    t.setDaemon(true);
    t.start();
  }

  private static void install(ShadowHeap heap, long max) {
    try {
      Set<String> pools = new HashSet<>();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          pools.add(p.getName());
        }
      }
      HeapGuard guard = new HeapGuard(heap, max, pools);
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter) {
          ((NotificationEmitter) gc).addNotificationListener(guard, null, null);
        }
      }
    } catch (Throwable e) {
      // no management API in this JVM (or a module graph without it): the budget alone applies
    }
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    try {
      if (heap.isReleased()
          || !"com.sun.management.gc.notification".equals(n.getType())
          || !(n.getUserData() instanceof CompositeData)) {
        return;
      }
      Map<String, MemoryUsage> after =
          com.sun.management.GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
              .getGcInfo()
              .getMemoryUsageAfterGc();
      long used = usedAfter(after, heapPools);
      if (used > maxHeap / 100 * PERCENT && heap.shadowBytes() >= maxHeap / MIN_SHARE_DIVISOR) {
        heap.releaseUnderPressure(
            String.format(
                Locale.ROOT,
                "the heap was %d%% full after a garbage collection (%d of %d MB, refshadow's"
                    + " guard acts from %d%%)",
                used * 100 / maxHeap,
                used >> 20,
                maxHeap >> 20,
                PERCENT));
      }
    } catch (Throwable e) {
      // never let the guard disturb the JVM's notification thread; the budget still applies
    }
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
