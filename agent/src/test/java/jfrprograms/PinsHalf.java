package jfrprograms;

/**
 * Allocates 100 objects and hands every other one to JDK code refshadow does not watch
 * (Thread.setUncaughtExceptionHandler), which pins it: its lifetime can no longer be modelled, so
 * at least half the objects are modelled inexactly and precision is at most 50%.
 */
public final class PinsHalf {
  public static final int OBJECTS = 100;

  /** A handler that does nothing; any object would do. */
  static final class Handler implements Thread.UncaughtExceptionHandler {
    Object payload;

    @Override
    public void uncaughtException(Thread t, Throwable e) {}
  }

  public static void main(String[] args) {
    Thread current = Thread.currentThread();
    for (int i = 0; i < OBJECTS; i++) {
      Handler h = new Handler();
      if (i % 2 == 0) {
        current.setUncaughtExceptionHandler(h);
      }
    }
    current.setUncaughtExceptionHandler(null);
    System.out.println("done");
  }
}
