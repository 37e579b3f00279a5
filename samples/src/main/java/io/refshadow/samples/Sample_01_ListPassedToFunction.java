package io.refshadow.samples;

import io.refshadow.Del;
import java.lang.ref.WeakReference;

/**
 * Sample 01: a list passed to a function is freed the moment the call returns.
 *
 * <p>In Python, {@code get_days(["Sunday", "Monday", "Tuesday"])} builds a list, hands it to the
 * function, and when the call returns nothing refers to the list any more: its reference count
 * drops to zero and CPython frees it on the spot, before the next statement runs. The JVM frees
 * nothing on the spot; the list lingers until a later garbage collection finds it.
 *
 * <p>Watch the two moments: the {@code @Del} message (Python's moment) comes before "getDays
 * returned"; the JVM's weak reference to the same object is cleared only after {@code System.gc()}
 * runs, later.
 *
 * <p>Run: {@code ./samples/run 01}
 */
public class Sample_01_ListPassedToFunction {
  static WeakReference<Object> jvmView;
  static boolean freedByRefcount;

  /** A Python-like list of day names that announces its own destruction. */
  static final class Days {
    final String[] items;

    Days(String... items) {
      this.items = items;
      jvmView = new WeakReference<>(this);
    }

    @Del
    void del() {
      freedByRefcount = true;
      System.out.println("  Python frees the list here: its refcount reached 0");
    }
  }

  static int getDays(Days days) {
    System.out.println("  inside getDays: " + days.items.length + " days");
    return days.items.length;
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("calling getDays(new Days(\"Sunday\", \"Monday\", \"Tuesday\"))");
    int n = getDays(new Days("Sunday", "Monday", "Tuesday"));
    System.out.println("getDays returned " + n);
    System.out.println("freed by refcount before the next statement: " + freedByRefcount);
    int gcs = 0;
    while (jvmView.get() != null && gcs < 100) {
      System.gc();
      Thread.sleep(10);
      gcs++;
    }
    System.out.println("the JVM reclaimed it only at a later garbage collection: " + (gcs > 0));
  }
}
