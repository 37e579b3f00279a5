package reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * A host program doing what hosts do when things go wrong. Each argument names one behaviour, run
 * in order:
 *
 * <ul>
 *   <li>{@code overflow}: a StackOverflowError caught, in frames that store references;
 *   <li>{@code oom}: an OutOfMemoryError caught (run it with a small {@code -Xmx});
 *   <li>{@code interrupt}: threads interrupted in sleep, in {@code Object.wait} and in a blocking
 *       queue, and a thread's own interrupt status kept across reference stores;
 *   <li>{@code constructors}: exceptions thrown from constructors, from a superclass constructor,
 *       from a field initialiser, and after {@code this} escaped into a static list.
 * </ul>
 *
 * <p>Then it always calls {@code System.exit(3)} from 50 frames deep, with a thread still running.
 * Its output and exit status must be the same with and without the agent (ReliabilityIT).
 */
public class HostBehaviours {
  static int depth;

  static int recurse(Object carried) {
    depth++;
    Object[] holder = {carried};
    return recurse(holder) + 1;
  }

  static void overflow() {
    try {
      recurse(new Object());
    } catch (StackOverflowError e) {
      System.out.println("stack overflow caught: " + (depth > 100));
    }
    // the program goes on storing references after the overflow
    List<Object> after = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      after.add(new Object[] {i});
    }
    System.out.println("after overflow: " + after.size() + " stored");
  }

  static void outOfMemory() {
    List<long[]> hog = new ArrayList<>();
    boolean caught = false;
    try {
      while (true) {
        hog.add(new long[1 << 20]);
      }
    } catch (OutOfMemoryError e) {
      caught = true;
    }
    int held = hog.size();
    hog = null;
    System.out.println("out of memory caught: " + (caught && held > 0));
    Map<Integer, Object> after = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      after.put(i, new Object[] {i});
    }
    System.out.println("after out of memory: " + after.size() + " stored");
  }

  static class Base {
    final Object basePart = new ArrayList<>(List.of("base"));

    Base(boolean fail) {
      if (fail) {
        throw new IllegalStateException("base refused");
      }
    }
  }

  static class Derived extends Base {
    final Object own;

    Derived(boolean failInBase) {
      super(failInBase);
      own = new Object[] {basePart};
    }
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

  static Object refuseInitialiser() {
    throw new UnsupportedOperationException("initialiser refused");
  }

  static class BadInitialiser {
    final Object first = new Object[] {"first"};
    final Object second = refuseInitialiser();
  }

  static final List<Object> ESCAPED = new ArrayList<>();

  static class Escaping {
    final Object payload;

    Escaping(int n) {
      ESCAPED.add(this);
      payload = new Object[] {n};
      if (n % 3 == 0) {
        throw new IllegalStateException("escaped then threw " + n);
      }
    }
  }

  static void constructors() {
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
    try {
      new Derived(true);
      System.out.println("superclass constructor: no exception");
    } catch (IllegalStateException e) {
      System.out.println("superclass constructor threw: " + e.getMessage());
    }
    System.out.println("derived built: " + (((Object[]) new Derived(false).own)[0] != null));
    try {
      new BadInitialiser();
      System.out.println("field initialiser: no exception");
    } catch (UnsupportedOperationException e) {
      System.out.println("field initialiser threw: " + e.getMessage());
    }
    int escapedThrew = 0;
    for (int i = 0; i < 6; i++) {
      try {
        new Escaping(i);
      } catch (IllegalStateException e) {
        escapedThrew++;
      }
    }
    int withPayload = 0;
    for (Object o : ESCAPED) {
      if (((Escaping) o).payload != null) {
        withPayload++;
      }
    }
    System.out.println(
        "escaping constructors: "
            + ESCAPED.size()
            + " escaped, "
            + escapedThrew
            + " threw, "
            + withPayload
            + " with payload");
  }

  static void interrupts() throws InterruptedException {
    Thread sleeper =
        new Thread(
            () -> {
              try {
                Thread.sleep(600_000);
                System.out.println("sleeper: not interrupted");
              } catch (InterruptedException e) {
                System.out.println("sleeper interrupted, flag " + Thread.interrupted());
              }
            });
    sleeper.start();
    sleeper.interrupt();
    sleeper.join();

    Object monitor = new Object();
    CountDownLatch waiting = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              synchronized (monitor) {
                waiting.countDown();
                try {
                  monitor.wait();
                  System.out.println("waiter: not interrupted");
                } catch (InterruptedException e) {
                  System.out.println("waiter interrupted, flag " + Thread.interrupted());
                }
              }
            });
    waiter.start();
    waiting.await();
    synchronized (monitor) {
      // the waiter is in wait(): it released the monitor for us
      waiter.interrupt();
    }
    waiter.join();

    BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(1);
    List<Object[]> taken = new ArrayList<>();
    Thread taker =
        new Thread(
            () -> {
              try {
                while (true) {
                  taken.add(queue.take());
                }
              } catch (InterruptedException e) {
                System.out.println("taker interrupted after " + taken.size() + " items");
              }
            });
    taker.start();
    for (int i = 0; i < 5; i++) {
      queue.put(new Object[] {i});
    }
    while (!queue.isEmpty() || taker.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    taker.interrupt();
    taker.join();

    // A thread's own pending interrupt survives the program's reference stores.
    Thread.currentThread().interrupt();
    List<Object> stores = new ArrayList<>();
    Object[] array = new Object[100];
    for (int i = 0; i < array.length; i++) {
      array[i] = new Object[] {i};
      stores.add(array[i]);
    }
    System.out.println("own interrupt kept across stores: " + Thread.interrupted());
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
    for (String behaviour : args) {
      switch (behaviour) {
        case "overflow" -> overflow();
        case "oom" -> outOfMemory();
        case "interrupt" -> interrupts();
        case "constructors" -> constructors();
        default -> throw new IllegalArgumentException("unknown behaviour " + behaviour);
      }
    }
    // a non-daemon thread still storing references when the exit comes
    Thread busy =
        new Thread(
            () -> {
              List<Object> kept = new ArrayList<>();
              while (true) {
                kept.add(new Object[] {kept.size()});
                if (kept.size() > 10_000) {
                  kept.clear();
                }
              }
            },
            "busy");
    busy.start();
    exitFrom(50, new ArrayList<>());
  }
}
