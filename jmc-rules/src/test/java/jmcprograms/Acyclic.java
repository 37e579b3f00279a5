package jmcprograms;

/**
 * Makes 200 objects that reference counting frees at the end of their statements (no cycle), then
 * runs the JVM's collector, so each sampled object has both clocks: drag is known and positive.
 */
public final class Acyclic {
  static final class Item {
    Object next;
  }

  public static void main(String[] args) throws InterruptedException {
    long n = 0;
    for (int i = 0; i < 200; i++) {
      n += new Item().hashCode() & 1;
    }
    System.out.println("made them " + (n >= 0));
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }
}
