package reliability;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sixteen threads share and mutate graphs (an ArrayList, a HashMap, an array and the fields of
 * their items) while cycle collections run: {@code Gc.collect()} from some threads, automatic ones
 * from their allocations. Under the agent, {@code @Del} methods take a lock the workers also take
 * and store references into a shared list, and weak reference callbacks take the workers' monitor
 * and store the weak reference itself.
 *
 * <p>Standard output holds only what does not depend on the agent or on the threads' interleaving
 * (each thread's own checksum; the shared structures are only ever permuted, and items are replaced
 * by items with the same id), so a run without the agent prints the same lines. What only the agent
 * can tell goes to standard error. At the end everything is dropped and collected: the shadow must
 * then have freed every graph object the program made (ConcurrentGraphsIT reads the agent's exit
 * check, {@code -Drefshadow.test.invariants=reliability.ConcurrentGraphs$Graph$}).
 */
public class ConcurrentGraphs {
  static final int THREADS = 16;
  static final int ROUNDS = 250;
  static final int SHARED = 48;

  static final boolean SHADOW = shadowActive();

  /** The program's graph objects: the only classes the exit check counts. */
  static final class Graph {
    static final AtomicLong CREATED = new AtomicLong();

    static final class Item {
      final int id;
      Item next;
      Item prev;
      Object payload;
      Object[] kids;

      Item(int id) {
        this.id = id;
        CREATED.incrementAndGet();
      }
    }

    /** A finalizer that takes a lock the workers also take, and stores a reference. */
    static final class Finalized {
      final int id;
      Finalized partner;
      Item keep;

      Finalized(int id) {
        this.id = id;
        CREATED.incrementAndGet();
      }

      @Del
      void del() {
        LOCK.lock();
        try {
          DELS.incrementAndGet();
          if (keep != null) {
            MORGUE.add(keep); // outlives this object until a worker empties the morgue
          }
        } finally {
          LOCK.unlock();
        }
      }
    }

    /** A map whose values refer back to it: a cycle through a JDK collection. */
    static final class Registry {
      final HashMap<Integer, Object> entries = new HashMap<>();
      Registry self;

      Registry() {
        CREATED.incrementAndGet();
      }
    }
  }

  // Shared state: guarded by the monitor of SHARED_LIST.
  static final ArrayList<Graph.Item> SHARED_LIST = new ArrayList<>();
  static final HashMap<Integer, Graph.Item> SHARED_MAP = new HashMap<>();
  static final Graph.Item[] SHARED_ARRAY = new Graph.Item[SHARED];

  // What finalizers and callbacks store: guarded by LOCK (MORGUE) and SHARED_LIST's monitor.
  static final ReentrantLock LOCK = new ReentrantLock();
  static final ArrayList<Object> MORGUE = new ArrayList<>();
  static final ArrayList<Object> GRAVEYARD = new ArrayList<>();
  static final AtomicLong DELS = new AtomicLong();
  static final AtomicLong CALLBACKS = new AtomicLong();
  static final AtomicLong COLLECTS = new AtomicLong();

  static boolean shadowActive() {
    try {
      Gc.isEnabled();
      return true;
    } catch (IllegalStateException e) {
      return false; // no agent: the program runs the same, without the shadow's extras
    }
  }

  static final class Worker extends Thread {
    final int index;
    long checksum;
    int seed;

    Worker(int index) {
      super("worker-" + index);
      this.index = index;
      this.seed = 12345 + index * 7919;
    }

    int random(int bound) {
      seed = seed * 1103515245 + 12345;
      return ((seed >>> 8) & 0x7fffff) % bound;
    }

    @Override
    public void run() {
      for (int round = 0; round < ROUNDS; round++) {
        checksum = checksum * 31 + privateGraphs(round);
        mutateShared(round);
        if (SHADOW && index % 4 == 0 && round % 25 == 0) {
          COLLECTS.incrementAndGet();
          if (round % 50 == 0) {
            synchronized (SHARED_LIST) {
              Gc.collect(); // with the workers' monitor held: finalizers may want it
            }
          } else {
            Gc.collect(round % 3);
          }
        }
        if (round % 10 == 0) {
          LOCK.lock();
          try {
            for (int i = MORGUE.size() - 1; i >= 0; i--) {
              MORGUE.remove(i);
            }
          } finally {
            LOCK.unlock();
          }
        }
      }
    }

    /** Cyclic and acyclic structures only this thread sees, built, checked and dropped. */
    long privateGraphs(int round) {
      long sum = 0;
      int base = index * 1_000_000 + round * 100;
      // a ring, linked both ways
      int n = 3 + random(6);
      Graph.Item first = new Graph.Item(base);
      Graph.Item last = first;
      for (int i = 1; i < n; i++) {
        Graph.Item it = new Graph.Item(base + i);
        it.prev = last;
        last.next = it;
        last = it;
      }
      last.next = first;
      first.prev = last;
      Graph.Item walk = first;
      for (int i = 0; i < 2 * n; i++) {
        sum += walk.id;
        walk = walk.next;
      }
      // a tree whose children refer to their parent through an array
      Graph.Item root = new Graph.Item(base + 50);
      root.kids = new Object[2 + random(3)];
      for (int i = 0; i < root.kids.length; i++) {
        Graph.Item kid = new Graph.Item(base + 60 + i);
        kid.payload = root;
        root.kids[i] = kid;
      }
      for (Object k : root.kids) {
        sum += ((Graph.Item) ((Graph.Item) k).payload).id + ((Graph.Item) k).id;
      }
      // finalizers on a cycle, each keeping an item the finalizer stores away
      Graph.Finalized a = new Graph.Finalized(base + 70);
      Graph.Finalized b = new Graph.Finalized(base + 71);
      a.partner = b;
      b.partner = a;
      a.keep = new Graph.Item(base + 72);
      sum += a.partner.id + b.partner.id;
      // a registry: a HashMap and an ArrayList that refer back to their owner
      Graph.Registry reg = new Graph.Registry();
      reg.self = reg;
      ArrayList<Object> values = new ArrayList<>();
      values.add(reg);
      values.add(first);
      reg.entries.put(round, values);
      reg.entries.put(-round - 1, root);
      sum += reg.entries.size() + values.size();
      // weak references whose callbacks take the workers' monitor and store the weak reference;
      // kept for a few rounds, so that collections in between call their callbacks
      if (round % 4 == 0) {
        keptRefs.clear(); // the weak references die: callbacks still pending are never called
      }
      if (SHADOW) {
        keptRefs.add(Weakref.ref(first, ConcurrentGraphs::onItemFreed));
        keptRefs.add(Weakref.ref(root, ConcurrentGraphs::onItemFreed));
        Worker self = this;
        keptRefs.add(
            Weakref.ref(
                a.keep,
                w -> {
                  synchronized (self) {
                    self.callbacksSeen++;
                  }
                  onItemFreed(w);
                }));
      }
      // drop most of it; a random part is left for the cycle detector or the next rebinding
      first = null;
      last = null;
      walk = null;
      if (random(2) == 0) {
        root.kids = null; // breaks the tree's cycles: freed by refcount
      }
      root = null;
      a = null;
      b = null;
      reg = null;
      values = null;
      return sum;
    }

    final ArrayList<Weakref<Graph.Item>> keptRefs = new ArrayList<>();
    int callbacksSeen;

    /** Permutes the shared structures, links their items to each other, replaces some of them. */
    void mutateShared(int round) {
      synchronized (SHARED_LIST) {
        for (int k = 0; k < 6; k++) {
          int i = random(SHARED);
          int j = random(SHARED_LIST.size());
          int key = random(SHARED);
          switch (random(5)) {
            case 0 -> { // array <-> list
              Graph.Item x = SHARED_ARRAY[i];
              SHARED_ARRAY[i] = SHARED_LIST.get(j);
              SHARED_LIST.set(j, x);
            }
            case 1 -> { // list <-> map (through a removal and an insertion)
              Graph.Item x = SHARED_LIST.remove(j);
              Graph.Item y = SHARED_MAP.remove(key);
              SHARED_MAP.put(key, x);
              SHARED_LIST.add(j, y);
            }
            case 2 -> { // links between shared items: cycles across threads' work
              Graph.Item x = SHARED_ARRAY[i];
              Graph.Item y = SHARED_MAP.get(key);
              x.next = y;
              y.prev = x;
              y.payload = SHARED_LIST.get(j);
            }
            case 3 -> { // a replacement with the same id: the old item may be on a cycle
              Graph.Item old = SHARED_ARRAY[i];
              Graph.Item fresh = new Graph.Item(old.id);
              fresh.next = old.next;
              fresh.kids = new Object[] {old.prev, SHARED_MAP.get(key)};
              SHARED_ARRAY[i] = fresh;
            }
            default -> { // unlink
              Graph.Item x = SHARED_LIST.get(j);
              x.next = null;
              x.kids = null;
            }
          }
        }
      }
    }
  }

  static void onItemFreed(Weakref<Graph.Item> w) {
    CALLBACKS.incrementAndGet();
    synchronized (SHARED_LIST) { // the monitor the workers hold while they store
      GRAVEYARD.add(w); // stores the weak reference itself: it lives on after its callback
      if (GRAVEYARD.size() > 200) {
        for (int i = GRAVEYARD.size() - 1; i >= 0; i--) {
          GRAVEYARD.remove(i);
        }
      }
    }
  }

  static long sharedIdSum() {
    long sum = 0;
    for (Graph.Item it : SHARED_ARRAY) {
      sum += it.id;
    }
    for (int i = 0; i < SHARED_LIST.size(); i++) {
      sum += SHARED_LIST.get(i).id;
    }
    for (int key = 0; key < SHARED; key++) {
      sum += SHARED_MAP.get(key).id;
    }
    return sum;
  }

  public static void main(String[] args) throws InterruptedException {
    if (SHADOW) {
      Gc.setThreshold(200, 5, 5); // automatic collections often, from every thread's allocations
    }
    for (int i = 0; i < SHARED; i++) {
      SHARED_ARRAY[i] = new Graph.Item(i);
      SHARED_LIST.add(new Graph.Item(SHARED + i));
      SHARED_MAP.put(i, new Graph.Item(2 * SHARED + i));
    }
    long before = sharedIdSum();
    Worker[] workers = new Worker[THREADS];
    for (int t = 0; t < THREADS; t++) {
      workers[t] = new Worker(t);
    }
    for (Worker w : workers) {
      w.start();
    }
    for (Worker w : workers) {
      w.join();
    }
    for (Worker w : workers) {
      System.out.println(w.getName() + " checksum " + w.checksum);
    }
    System.out.println("shared ids before " + before + " after " + sharedIdSum());
    System.out.println(
        "shared sizes " + SHARED_ARRAY.length + " " + SHARED_LIST.size() + " " + SHARED_MAP.size());
    System.out.println("graph objects created " + Graph.CREATED.get());

    // Drop everything the program holds, then collect what is left on cycles.
    long seenByWorkers = 0;
    for (int t = 0; t < THREADS; t++) {
      seenByWorkers += workers[t].callbacksSeen;
      workers[t] = null;
    }
    workers = null;
    for (int i = 0; i < SHARED; i++) {
      SHARED_ARRAY[i] = null;
    }
    SHARED_LIST.clear();
    SHARED_MAP.clear();
    if (SHADOW) {
      Gc.collect(); // may run finalizers that store into the morgue, so it is emptied after
      MORGUE.clear();
      GRAVEYARD.clear();
      Gc.collect();
      int left = 0;
      for (Object o : Gc.getObjects()) {
        if (o.getClass().getName().startsWith("reliability.ConcurrentGraphs$Graph$")) {
          left++;
        }
      }
      System.err.println(
          "shadow: finalizers "
              + DELS.get()
              + ", weakref callbacks "
              + CALLBACKS.get()
              + " ("
              + seenByWorkers
              + " capturing), collections from threads "
              + COLLECTS.get()
              + ", graph objects tracked after the final collection "
              + left);
    }
  }
}
