package reliability;

import io.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands 1,000 small structures (a list holding an array holding a builder) to code refshadow does
 * not watch ({@code ThreadLocal}, in {@code java.lang}), which pins each one, then lets each go.
 * Their lifetime falls back to the JVM's (DESIGN.md, opaque code): once the JVM has reclaimed a
 * structure, the shadow frees it, and what only it held, instead of keeping all of it for the rest
 * of the run. The program prints the same lines with or without the agent.
 */
public final class PinnedThenReclaimed {
  private PinnedThenReclaimed() {}

  public static void main(String[] args) throws Exception {
    ThreadLocal<Object> opaque = new ThreadLocal<>();
    int total = 0;
    for (int i = 0; i < 1000; i++) {
      List<Object> holder = new ArrayList<>();
      holder.add(new Object[] {new StringBuilder("item " + i)});
      opaque.set(holder); // escapes into unwatched code: pinned
      total += holder.size();
      opaque.remove(); // let go where the shadow cannot see it
    }
    System.out.println("handed over " + total);
    // the JVM reclaims them at its own pace; gc.collect() releases what it has reclaimed
    for (int round = 0; round < 20; round++) {
      System.gc();
      Thread.sleep(20);
      Gc.collect();
    }
    System.out.println("done");
  }
}
