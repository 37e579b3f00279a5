package io.refshadow;

import io.refshadow.heap.CycleDetector;
import io.refshadow.heap.PyApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code gc} module, answered by the shadow heap's cycle detector. Names map one to one:
 * {@code gc.collect()} is {@link #collect()}, {@code gc.get_count()} is {@link #getCount()}, and so
 * on. Without the agent every method throws {@link IllegalStateException} that names the {@code
 * -javaagent} flag.
 */
public final class Gc {
  public static final int DEBUG_STATS = CycleDetector.DEBUG_STATS;
  public static final int DEBUG_COLLECTABLE = CycleDetector.DEBUG_COLLECTABLE;
  public static final int DEBUG_UNCOLLECTABLE = CycleDetector.DEBUG_UNCOLLECTABLE;
  public static final int DEBUG_SAVEALL = CycleDetector.DEBUG_SAVEALL;
  public static final int DEBUG_LEAK = CycleDetector.DEBUG_LEAK;

  private Gc() {}

  /** {@code gc.collect()}: a full collection; returns the number of unreachable objects found. */
  public static int collect() {
    return PyApi.collect(CycleDetector.NUM_GENERATIONS - 1);
  }

  /** {@code gc.collect(generation)}: collects {@code generation} and all younger ones. */
  public static int collect(int generation) {
    return PyApi.collect(generation);
  }

  /** {@code gc.get_count()}: allocations minus deallocations since the last gen-0 collection, … */
  public static int[] getCount() {
    return PyApi.call(h -> h.cycleDetector().counts());
  }

  /** {@code gc.get_threshold()}. */
  public static int[] getThreshold() {
    return PyApi.call(h -> h.cycleDetector().thresholds());
  }

  /** {@code gc.set_threshold(threshold0[, threshold1[, threshold2]])}; 0 disables collection. */
  public static void setThreshold(int threshold0, int... rest) {
    PyApi.run(h -> h.cycleDetector().setThreshold(threshold0, rest));
  }

  public static void enable() {
    PyApi.run(h -> h.cycleDetector().setEnabled(true));
  }

  public static void disable() {
    PyApi.run(h -> h.cycleDetector().setEnabled(false));
  }

  public static boolean isEnabled() {
    return PyApi.call(h -> h.cycleDetector().isEnabled());
  }

  /** {@code gc.get_stats()}: one entry per generation. */
  public static List<GcStats> getStats() {
    long[][] s = PyApi.call(h -> h.cycleDetector().statsSnapshot());
    List<GcStats> out = new ArrayList<>();
    for (long[] g : s) {
      out.add(new GcStats(g[0], g[1], g[2]));
    }
    return out;
  }

  /** {@code gc.get_objects()}: the tracked objects of all generations (not the permanent one). */
  public static List<Object> getObjects() {
    return PyApi.getObjects(-1);
  }

  /** {@code gc.get_objects(generation)}. */
  public static List<Object> getObjects(int generation) {
    return PyApi.getObjects(generation);
  }

  /** {@code gc.get_referrers(*objs)}: tracked objects that refer directly to any of objs. */
  public static List<Object> getReferrers(Object... objs) {
    return PyApi.getReferrers(objs);
  }

  /** {@code gc.get_referents(*objs)}: what the tracked objects among objs refer to directly. */
  public static List<Object> getReferents(Object... objs) {
    return PyApi.getReferents(objs);
  }

  /** {@code gc.is_tracked(obj)}: false for atoms (strings, boxes) and immortals. */
  public static boolean isTracked(Object obj) {
    return PyApi.isTracked(obj);
  }

  /** {@code gc.is_finalized(obj)}: true once the object's {@code @Del} method has run. */
  public static boolean isFinalized(Object obj) {
    return PyApi.isFinalized(obj);
  }

  /** {@code gc.freeze()}: moves all tracked objects to the permanent generation. */
  public static void freeze() {
    PyApi.run(h -> h.cycleDetector().freeze());
  }

  /** {@code gc.unfreeze()}: the permanent generation goes back into the oldest one. */
  public static void unfreeze() {
    PyApi.run(h -> h.cycleDetector().unfreeze());
  }

  public static int getFreezeCount() {
    return PyApi.call(h -> h.cycleDetector().freezeCount());
  }

  /**
   * {@code gc.garbage}: the live list of objects found unreachable but not freed (under {@link
   * #DEBUG_SAVEALL}). Clearing it releases them.
   */
  public static List<Object> garbage() {
    return PyApi.garbage();
  }

  /** {@code gc.callbacks}: the live list of callbacks run before and after each collection. */
  public static List<GcCallback> callbacks() {
    return PyApi.call(h -> h.cycleDetector().callbackList());
  }

  public static void setDebug(int flags) {
    PyApi.run(h -> h.cycleDetector().setDebug(flags));
  }

  public static int getDebug() {
    return PyApi.call(h -> h.cycleDetector().debug());
  }
}
