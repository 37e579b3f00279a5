package io.refshadow.heap;

/**
 * One switch per instrumented class: when a hook fails inside refshadow while running a method of a
 * class, that class's instrumentation is switched off and the rest of the program stays watched.
 *
 * <p>The agent registers every class it instruments and passes the class's id to each method entry
 * hook; the frame keeps it. A hook that fails for a frame {@linkplain Failures#report(String,
 * Throwable, Frame) reports it with the frame}: the frame and every later activation of that class
 * are then <em>degraded</em>. A degraded frame mirrors no event of its own; each reference it
 * receives, stores or hands on is pinned instead (as a reference passed to code refshadow does not
 * watch is, DESIGN.md "opaque"), so that no object the class may still hold is ever reported freed:
 * the shadow errs on the side of keeping objects, never on the side of freeing them early. Frame
 * bookkeeping (line, call, exit) goes on as usual, so callers and callees in other classes keep
 * exact lifetimes.
 *
 * <p>Ids are per class name (classes of the same name in different loaders share a switch); 0 is
 * "no class known" (hand-written hooks) and is never switched off. No JDK collection is used here:
 * refshadow instruments those, and this runs inside the agent's transformer and inside hooks.
 */
public final class ClassSwitches {
  private ClassSwitches() {}

  private static final Object LOCK = new Object();

  /** Class names by id; index 0 unused. Guarded by LOCK; read unguarded only to name a class. */
  private static String[] names = new String[64];

  private static int count = 1;

  /** Ids by name (Hashtable: refshadow does not instrument it). */
  private static final java.util.Map<String, Integer> IDS = new java.util.Hashtable<>();

  /** Switched-off flags by id; replaced (never shrunk) as ids are added. */
  private static volatile boolean[] off = new boolean[64];

  private static volatile int switchedOff;

  /**
   * Whether each id names a JDK class (java.*: the JDK collections refshadow instruments; only the
   * JDK's own loaders may define java.* classes); replaced (never shrunk) as ids are added, each
   * flag written before the array is published.
   */
  private static volatile boolean[] jdk = new boolean[64];

  /** Classes switched off with a warning each; the rest are only counted (a storm stays short). */
  static final int WARNINGS = 10;

  /** The id of {@code className} (binary name), registering it the first time. */
  public static int register(String className) {
    synchronized (LOCK) {
      Integer known = IDS.get(className);
      if (known != null) {
        return known;
      }
      if (count == names.length) {
        names = java.util.Arrays.copyOf(names, count * 2);
        off = java.util.Arrays.copyOf(off, count * 2);
      }
      names[count] = className;
      boolean[] j = jdk.length > count ? jdk : java.util.Arrays.copyOf(jdk, names.length);
      j[count] = className.startsWith("java.");
      jdk = j;
      IDS.put(className, count);
      return count++;
    }
  }

  /** Whether class {@code id} is the JDK's (an instrumented JDK collection); false for 0. */
  static boolean isJdk(int id) {
    boolean[] a = jdk;
    return id > 0 && id < a.length && a[id];
  }

  /** True once class {@code id}'s instrumentation has been switched off. */
  public static boolean isOff(int id) {
    boolean[] a = off;
    return id > 0 && id < a.length && a[id];
  }

  /** Switches off class {@code id} after a failure in {@code where}, with one warning per class. */
  static void switchOff(int id, String where) {
    String name;
    int nth;
    synchronized (LOCK) {
      if (id <= 0 || id >= count || off[id]) {
        return;
      }
      off[id] = true;
      nth = ++switchedOff;
      name = names[id];
    }
    if (nth > WARNINGS + 1) {
      return;
    }
    ThreadState ts = null;
    try {
      ts = Failures.hooksOff(); // while printing, as in Failures.report
      if (nth == WARNINGS + 1) {
        System.err.println(
            "refshadow: more classes are switched off after internal failures; from here on"
                + " silently (the exit summary counts them)");
        return;
      }
      System.err.println(
          "refshadow: instrumentation of class "
              + name
              + " is switched off after an internal failure in "
              + where
              + "; its methods run unmirrored from now on (what they hold is kept alive until the"
              + " JVM reclaims it, never reported freed early) and the rest of the program is still"
              + " watched");
    } catch (Throwable ignored) {
      // reporting must never fail the host
    } finally {
      Failures.hooksOn(ts);
    }
  }

  /** The names of the classes switched off, in the order they were registered. */
  public static String[] switchedOffNames() {
    synchronized (LOCK) {
      String[] out = new String[switchedOff];
      int k = 0;
      for (int i = 1; i < count && k < out.length; i++) {
        if (off[i]) {
          out[k++] = names[i];
        }
      }
      return out;
    }
  }
}
