package io.refshadow.heap;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Internal failures of refshadow: caught at every hook, counted, reported once per place, never
 * thrown into the program being watched.
 */
public final class Failures {
  // Hashtable, not ConcurrentHashMap: refshadow instruments the latter, and reporting a failure
  // must never run instrumented code
  private static final Map<String, AtomicLong> COUNTS = new java.util.Hashtable<>();

  private Failures() {}

  /**
   * A stack overflow inside a hook is the program's own condition (a runaway recursion about to
   * overflow anyway): what the hook held is released and the error goes on to the program, as it
   * would have without the agent; swallowing it would let the recursion run past the point where
   * the program expects it to stop. An out-of-memory error inside a hook is refshadow's own
   * allocation failing: the first one stops mirroring and releases the whole shadow, and then the
   * program goes on without the error, its memory given back, as it would have run without the
   * agent (if it is short of memory itself, its own next allocation fails as it would have). If the
   * shadow cannot be released at once (another thread inside a hook for a second, or heap work
   * waiting for a finalizer that this hook belongs to), mirroring stops and the next hook releases
   * it. Reported from inside the heap's own work (a listener, under a hook's lock), the error only
   * stops mirroring and goes on, untouched, so that the work unwinds and the hook lets go of the
   * lock in its {@code finally}; the hook's own report then releases the shadow. A second
   * out-of-memory error, once the shadow is released, is the program's own and goes on to it.
   */
  private static void virtualMachineError(VirtualMachineError e) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      throw e;
    }
    if (h.busy && h.lockHeldByCurrentThread()) {
      // inside heap work: its hook (or API call) still holds the lock and will release it
      if (e instanceof OutOfMemoryError) {
        h.releaseLater("the JVM ran out of memory inside refshadow");
      }
      throw e;
    }
    // A hook's own report, past its finally: anything this thread still holds is leaked (its
    // finally failed too) and is let go here.
    if (h.recoverAfter(e) && e instanceof OutOfMemoryError) {
      return;
    }
    throw e;
  }

  /** Counts a failure at {@code where}; prints it (with its stack) the first time only. */
  public static void report(String where, Throwable t) {
    if (t instanceof VirtualMachineError) {
      virtualMachineError((VirtualMachineError) t);
      return;
    }
    // While reporting, this thread's hooks are off: printing runs JDK code that refshadow
    // instruments (collections in printStackTrace, class loading, invokedynamic linkage), and a
    // hook failing in there would report again, recursively, until the stack overflowed (found with
    // a fault in every hook: the JVM then printed "transform method call failed" assertions).
    ThreadState ts = null;
    try {
      ts = hooksOff();
      AtomicLong c;
      synchronized (COUNTS) { // no computeIfAbsent: its lambda would need linking, here
        c = COUNTS.get(where);
        if (c == null) {
          c = new AtomicLong();
          COUNTS.put(where, c);
        }
      }
      if (c.getAndIncrement() == 0) {
        System.err.println(
            "refshadow: internal failure in "
                + where
                + " (reported once; the program continues, this event is not mirrored): "
                + t);
        t.printStackTrace();
      }
    } catch (Throwable ignored) {
      // reporting must never fail the host either
    } finally {
      hooksOn(ts);
    }
  }

  /**
   * Turns this thread's hooks off while refshadow prints a report; returns what to hand to {@link
   * #hooksOn} afterwards (null without a heap).
   */
  static ThreadState hooksOff() {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      return null;
    }
    ThreadState ts = h.threadState();
    ts.suppressed++;
    return ts;
  }

  static void hooksOn(ThreadState ts) {
    if (ts != null && ts.suppressed > 0) {
      ts.suppressed--;
    }
  }

  /**
   * {@link #report(String, Throwable)} for a failure while mirroring an event of frame {@code f}:
   * the frame goes on degraded and its class is switched off ({@link ClassSwitches}), so the rest
   * of the program stays watched.
   */
  public static void report(String where, Throwable t, Frame f) {
    if (t instanceof VirtualMachineError) {
      virtualMachineError((VirtualMachineError) t); // the program's condition, not the class's
      return;
    }
    report(where, t);
    if (f != null && f.active) {
      f.degraded = true;
      ClassSwitches.switchOff(f.classId, where);
    }
  }

  /**
   * {@link #report(String, Throwable)} for a failure at the entry of a method of {@code classId}.
   */
  public static void report(String where, Throwable t, int classId) {
    if (t instanceof VirtualMachineError) {
      virtualMachineError((VirtualMachineError) t);
      return;
    }
    report(where, t);
    ClassSwitches.switchOff(classId, where);
  }

  /** Total failures counted so far. */
  public static long total() {
    long sum = 0;
    for (AtomicLong c : COUNTS.values()) {
      sum += c.get();
    }
    return sum;
  }

  /** Failures by place, for the summary. */
  public static Map<String, Long> byPlace() {
    Map<String, Long> out = new java.util.Hashtable<>();
    COUNTS.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
