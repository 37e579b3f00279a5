package jfrprograms;

/**
 * Allocates objects that die young by reference counting (each one is dropped at the end of its
 * statement), then lets the JVM's collector run, so that both clocks of each object are known:
 * Python's free (refcount) and the JVM's reclaim, which can only come later.
 */
public final class ShortLivedObjects {
  public static final int OBJECTS = 200;

  /** A small object with a reference field, so it is tracked like a Python class instance. */
  static final class Payload {
    Object data;
    long[] numbers = new long[8];
  }

  public static void main(String[] args) throws InterruptedException {
    long sum = 0;
    for (int i = 0; i < OBJECTS; i++) {
      sum += use(new Payload());
    }
    System.out.println("used " + sum);
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }

  static long use(Payload p) {
    return p.numbers.length;
  }
}
