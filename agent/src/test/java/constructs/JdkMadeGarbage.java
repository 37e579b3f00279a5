package constructs;

import io.refshadow.Gc;
import java.lang.ref.WeakReference;
import unwatched.Library;

/**
 * Garbage the program never made is not the program's garbage: {@code Gc.collect()} counts the
 * program's own unreachable cycle, not the cyclic storage of maps that unwatched code built, filled
 * and dropped, and that the JVM has reclaimed. Run with {@code exclude=unwatched.}.
 */
public class JdkMadeGarbage {
  static class Node {
    Node next;
  }

  public static void main(String[] args) throws InterruptedException {
    Gc.disable();
    Gc.collect();
    WeakReference<?>[] caches = Library.buildAndDropCaches();
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    a = null;
    b = null;
    boolean reclaimed = false;
    for (int i = 0; i < 200 && !reclaimed; i++) {
      System.gc();
      Thread.sleep(10);
      reclaimed = caches[0].get() == null && caches[1].get() == null;
    }
    System.out.println("library maps reclaimed by the JVM: " + reclaimed);
    System.out.println("collect " + Gc.collect());
    System.out.println("collect again " + Gc.collect());
  }
}
