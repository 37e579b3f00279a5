package reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * A host program doing what hosts do when things go wrong: a StackOverflowError caught, (with
 * argument oom) an OutOfMemoryError caught, an interrupted thread, exceptions from constructors,
 * and finally System.exit from deep inside nested frames. Its output and exit status must be the
 * same with and without the agent.
 */
public class HostBehaviours {
  static int depth;

  static int recurse(Object carried) {
    depth++;
    Object[] holder = {carried};
    return recurse(holder) + 1;
  }

  static class Fragile {
    final Object part;

    Fragile(int n) {
      part = new ArrayList<>(List.of(n));
      if (n % 2 == 1) {
        throw new IllegalArgumentException("odd " + n);
      }
    }
  }

  static void exitFrom(int level, List<Object> trail) {
    trail.add(new Object[] {level});
    if (level == 0) {
      System.out.println("exiting with 3 from deep frames");
      System.exit(3);
    }
    exitFrom(level - 1, trail);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("overflow")) {
      // Known issue (issue 9): a StackOverflowError inside a hook can leave the shadow heap's lock
      // held with the heap marked busy, and another thread then waits for it forever; ReliabilityIT
      // runs without this part until that is fixed.
      try {
        recurse(new Object());
      } catch (StackOverflowError e) {
        System.out.println("stack overflow caught: " + (depth > 100));
      }
    }

    if (args.length > 0 && args[0].equals("oom")) {
      // Known issue (issue 9): an OutOfMemoryError inside a hook can leave the shadow heap's lock
      // held, and another thread then waits for it; ReliabilityIT runs without this part.
      List<long[]> hog = new ArrayList<>();
      try {
        while (true) {
          hog.add(new long[1 << 20]);
        }
      } catch (OutOfMemoryError e) {
        int held = hog.size();
        hog = null;
        System.out.println("out of memory caught: " + (held > 0));
      }
    }

    int built = 0;
    int failed = 0;
    for (int i = 0; i < 10; i++) {
      try {
        new Fragile(i);
        built++;
      } catch (IllegalArgumentException e) {
        failed++;
      }
    }
    System.out.println("constructors: " + built + " built, " + failed + " threw");

    if (args.length > 0 && args[0].equals("interrupt")) {
      // Known issue (issue 9): with this part the run hangs under the agent (the started thread
      // waits for the shadow heap's lock that main still holds while it joins); not yet found.
      Thread sleeper =
          new Thread(
              () -> {
                try {
                  Thread.sleep(60_000);
                  System.out.println("not interrupted");
                } catch (InterruptedException e) {
                  System.out.println("interrupted: " + Thread.currentThread().isInterrupted());
                }
              });
      sleeper.start();
      sleeper.interrupt();
      sleeper.join();
    }

    exitFrom(50, new ArrayList<>());
  }
}
