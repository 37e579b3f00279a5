package io.refshadow.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The shadow heap: reference counts, frames and edges that follow CPython's rules, beside the real
 * JVM heap. Instrumented code reaches it only through {@code io.refshadow.Hooks}; the public API
 * ({@code Gc}, {@code Sys}, {@code Weakref}) reads and drives it.
 *
 * <p>Concurrency: one lock, the shadow heap's "GIL", guards every node, frame and list. Like the
 * GIL, it is let go while user code runs ({@code @Del} methods, weakref and gc callbacks, see
 * {@link #runUserCode}): their hooks take it again, and other threads may run meanwhile. {@link
 * #busy} marks the heap's own work so that refshadow's own use of instrumented JDK code is never
 * mirrored.
 */
public final class ShadowHeap {
  /** The installed heap, or null when no agent runs. Hooks read it once per call. */
  public static volatile ShadowHeap active;

  private final Gil gil = new Gil();

  /**
   * The heap's lock: reentrant, its owner visible (to tell a lock left held by a dead thread).
   * Taken and released in every hook, so its uncontended round trip is one compare-and-set to take
   * it and a plain release store ({@code lazySet}) to let it go: no fence on release, which {@code
   * ReentrantLock}'s volatile state write costs (JFR put 16% of the workloads' CPU samples there).
   * The state is an {@code AtomicLong}: 0 free, else the holder's id ({@link Gil.Owner}), so that
   * taking and letting go store no reference. Under G1 a reference stored into an old object (the
   * lock is one, in any program that has run a while) costs a StoreLoad fence and dirties a card;
   * storing the holder's {@code Thread} at each take and clearing it at each release made those
   * fences a large share of every hook. Not a {@code VarHandle}, whose call sites are linked by
   * java.lang.invoke code at their first call and again after any agent retransforms this class
   * (java code that uses the very collections refshadow instruments, whose hooks would take this
   * lock and recurse), and not an {@code AtomicReference}, which refshadow instruments.
   *
   * <p>A thread that finds it held spins briefly, then queues in a {@code ReentrantLock} (parked,
   * first come first served); the thread at the head of that queue, the heir, parks and is woken by
   * the next release, as {@code ReentrantLock} wakes the head of its own queue. Without a fence the
   * releasing thread's look at {@link #heirParked} may be ordered before its release becomes
   * visible and miss an heir that just parked, so the heir parks at most {@link #PARK_NANOS} at a
   * time and looks again (any later release wakes it too). The queue's classes ({@code
   * LockSupport}, AQS's nodes) are loaded by the agent at start.
   */
  @SuppressWarnings("serial") // never serialized
  static final class Gil extends java.util.concurrent.atomic.AtomicLong {
    /** Longest single park of a waiting thread before it looks at the lock again. */
    static final long PARK_NANOS = 1_000_000;

    /** Tries before a thread that finds the lock held parks. */
    private static final int SPINS = 64;

    /**
     * A thread as the lock knows it: the id it writes into the lock's state. An immutable pair, so
     * that a thread reading {@link #holderOwner} sees a thread and its own id.
     */
    static final class Owner {
      final Thread thread;
      final long id;

      Owner(Thread thread, long id) {
        this.thread = thread;
        this.id = id;
      }
    }

    /**
     * Ids for {@link Owner}s, from 1 (0 is the free state); shared by all heaps. A {@code long}: a
     * server making a million virtual threads a second would wrap an {@code int} in about 70
     * minutes, and a reused id would let a second thread into the lock as if it were re-entering.
     */
    private static final java.util.concurrent.atomic.AtomicLong IDS =
        new java.util.concurrent.atomic.AtomicLong();

    /**
     * Each thread's {@link Owner}: an anonymous class, not a lambda (linking one runs JDK code).
     */
    private final ThreadLocal<Owner> owners =
        new ThreadLocal<>() {
          @Override
          protected Owner initialValue() {
            return new Owner(Thread.currentThread(), IDS.incrementAndGet());
          }
        };

    /**
     * The {@link Owner} of the thread that took the lock last (held or not): {@link #holder} and
     * {@link #heldHere} read it, and {@link #me} finds its own thread's here without the {@code
     * ThreadLocal}. Written by a thread that takes the lock only when it differs, so a program with
     * one thread never writes it again. Stale between a take and that write: {@link #holder} checks
     * it against the state. (The class is loaded here, at the heap's creation, not inside a hook.)
     */
    private Owner holderOwner = new Owner(null, 0);

    /** How many times the holder holds it; touched by the holder only. */
    private int holds;

    /** Where waiting threads queue, parked; the one holding it is the heir. */
    private final java.util.concurrent.locks.ReentrantLock entry =
        new java.util.concurrent.locks.ReentrantLock();

    /** The waiting thread that a release wakes, or null. */
    private volatile Thread heir;

    /** Set by the heir before it parks, cleared by the release that wakes it. */
    private volatile boolean heirParked;

    /**
     * This thread's {@link Owner}, for the id to take the lock with. Not for asking whether this
     * thread holds it: the JDK clears some threads' thread-locals (common-pool workers between
     * tasks, the Common-Cleaner at each pass), so a thread may get a second {@link Owner} while the
     * state still holds its first one's id. Those questions go to {@link #holderOwner} ({@link
     * #heldHere}).
     */
    private Owner me() {
      Owner o = holderOwner;
      return o.thread == Thread.currentThread() ? o : owners.get();
    }

    boolean tryLock() {
      Owner me = me();
      if (compareAndSet(0L, me.id)) {
        holds = 1;
        if (holderOwner != me) {
          holderOwner = me;
        }
        return true;
      }
      if (heldHere()) {
        holds++;
        return true;
      }
      return false;
    }

    /**
     * Whether the state holds this thread's id (held, or a release cut short): the holder writes
     * {@link #holderOwner} right after taking the lock, with no call in between, and no other
     * thread writes it while the state is not 0; another thread may read its own stale {@link
     * Owner} there, but then the state holds someone else's id.
     */
    private boolean heldHere() {
      Owner h = holderOwner;
      return h.thread == Thread.currentThread() && get() == h.id;
    }

    void unlock() {
      if (!heldHere() || holds == 0) {
        throw new IllegalMonitorStateException("the shadow heap's lock is not held by this thread");
      }
      if (--holds == 0) {
        lazySet(0L); // a call, until compiled: a StackOverflowError here leaves it to finishRelease
        if (heirParked) {
          heirParked = false;
          Thread h = heir;
          if (h != null) {
            java.util.concurrent.locks.LockSupport.unpark(h);
          }
        }
      }
    }

    /** Takes the lock, waiting as long as it takes; an interrupt is kept for the caller. */
    void lock() {
      boolean interrupted = false;
      while (true) {
        try {
          if (tryLock(Long.MAX_VALUE)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Takes the lock unless another thread holds it for longer than {@code millis}. */
    boolean tryLock(long millis) throws InterruptedException {
      if (tryLock()) {
        return true;
      }
      for (int i = 0; i < SPINS; i++) {
        Thread.onSpinWait();
        if (get() == 0 && tryLock()) {
          return true;
        }
      }
      long start = System.nanoTime();
      long nanos = millis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000;
      // the other waiters queue (parked) in the entry lock; its holder is the heir
      if (!entry.tryLock(nanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
        return false;
      }
      try {
        heir = Thread.currentThread();
        while (true) {
          heirParked = true; // a volatile write, so the look at the lock below comes after it
          if (get() == 0 && tryLock()) {
            return true;
          }
          long left = nanos - (System.nanoTime() - start);
          if (left <= 0) {
            return false;
          }
          java.util.concurrent.locks.LockSupport.parkNanos(this, Math.min(left, PARK_NANOS));
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      } finally {
        heirParked = false;
        heir = null;
        entry.unlock();
      }
    }

    /**
     * Completes a release that a StackOverflowError interrupted on this thread after the hold count
     * reached 0 (the state still holds this thread's id, and every other thread would wait for it
     * forever). Safe: no other thread can take the lock while its state says held.
     */
    void finishRelease() {
      if (heldHere() && holds == 0) {
        lazySet(0L);
      }
    }

    /**
     * For tests: leaves the release of a single hold where a StackOverflowError inside {@code
     * lazySet} would, the count at 0 and the state still this thread's.
     */
    void interruptReleaseForTest() {
      if (isHeldByCurrentThread() && holds == 1) {
        holds = 0;
      }
    }

    /** For tests: this thread's thread-locals cleared, as the JDK clears a pool worker's. */
    void forgetOwnerForTest() {
      owners.remove();
    }

    boolean isHeldByCurrentThread() {
      return heldHere() && holds > 0;
    }

    int getHoldCount() {
      return isHeldByCurrentThread() ? holds : 0;
    }

    /** The thread holding the lock, or null when free or not known yet (just taken). */
    Thread holder() {
      Owner o = holderOwner;
      long state = get();
      return state != 0 && o.id == state ? o.thread : null;
    }
  }

  /** True while the heap itself is working on this lock's holder thread. */
  boolean busy;

  private final NodeTable table = new NodeTable();

  /**
   * Gives back the identity table's memory after an explicit collection, if less than an eighth of
   * it is in use (NodeTable#shrinkIfSparse).
   */
  void shrinkTableIfSparse() {
    table.shrinkIfSparse(3);
  }

  private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(this::newThreadState);
  // not a JDK collection that refshadow instruments: creating a thread's state must not recurse
  private final List<ThreadState> allThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Static reference fields by field id: module globals, a root set. */
  private Node[] statics = new Node[256];

  final CycleDetector gc;
  final HeapStats stats = new HeapStats();
  private final ToLongFunction<Object> sizer;
  private volatile HeapListener listener = HeapListener.NONE;

  /** Nodes held by {@code gc.garbage}; its entries are references (a root set). */
  final List<Node> garbage = new ArrayList<>();

  public ShadowHeap(Profile profile, ToLongFunction<Object> sizer) {
    this.gc = new CycleDetector(this, profile);
    this.sizer = sizer == null ? ShadowHeap::estimateSize : sizer;
  }

  /**
   * Marks the current thread as doing refshadow's own work (for example transforming a class) until
   * {@link #resumeThread}: methods it enters are not mirrored. Calls nest.
   */
  public void suppressThread() {
    // no lock: the counter is only ever touched by its own thread, and the transformer that calls
    // this runs inside class loading, where waiting for the lock could load lock classes again
    threadState().suppressed++;
  }

  /** Whether this thread is inside the heap's own work (holding the lock, busy). */
  boolean inOwnWork() {
    return busy && gil.isHeldByCurrentThread();
  }

  public void resumeThread() {
    ThreadState ts = threadState();
    if (ts.suppressed > 0) {
      ts.suppressed--;
    }
  }

  /** Makes {@code heap} the one that hooks and the API use (null uninstalls). */
  public static void install(ShadowHeap heap) {
    active = heap;
  }

  /**
   * Why no heap is installed although the agent runs (its option {@code mirror=none}), for {@link
   * #require}'s message; null: no such reason.
   */
  private static volatile String notInstalledBecause;

  /** The agent runs but installs no heap, for {@code reason} (null: forget it). */
  public static void installNone(String reason) {
    active = null;
    notInstalledBecause = reason;
  }

  /** The installed heap, or an exception that says how to install one. */
  public static ShadowHeap require() {
    ShadowHeap h = active;
    if (h == null) {
      String reason = notInstalledBecause;
      throw new IllegalStateException(
          reason != null
              ? "refshadow mirrors nothing in this JVM: " + reason
              : "refshadow is not active in this JVM: start it with"
                  + " -javaagent:refshadow-agent.jar (see the README), so that the shadow heap"
                  + " exists");
    }
    return h;
  }

  /** The agent's own listener (recordings); {@link #addListener} adds others beside it. */
  private HeapListener primaryListener = HeapListener.NONE;

  /** Listeners added by tools (e.g. the JUnit extension's per-test tracker), in order. */
  private final List<HeapListener> addedListeners = new ArrayList<>();

  /** Sets the agent's own listener, keeping the ones added with {@link #addListener}. */
  public void setListener(HeapListener l) {
    synchronized (addedListeners) {
      primaryListener = l == null ? HeapListener.NONE : l;
      listener = CompoundListener.of(primaryListener, addedListeners);
    }
  }

  /**
   * Adds a listener beside the agent's own one; each event goes to the agent's listener first, then
   * to the added ones in the order they were added. Several tools can listen at once (a JFR
   * recording and a test's tracker), and none replaces another.
   */
  public void addListener(HeapListener l) {
    synchronized (addedListeners) {
      addedListeners.add(l);
      listener = CompoundListener.of(primaryListener, addedListeners);
    }
  }

  /** Removes a listener added with {@link #addListener}; false if it was not there. */
  public boolean removeListener(HeapListener l) {
    synchronized (addedListeners) {
      boolean removed = addedListeners.remove(l);
      listener = CompoundListener.of(primaryListener, addedListeners);
      return removed;
    }
  }

  HeapListener listener() {
    return listener;
  }

  public CycleDetector cycleDetector() {
    return gc;
  }

  public HeapStats stats() {
    return stats;
  }

  // ---------------------------------------------------------------------------------------------
  // Locking. Every entry point takes the GIL; enter() returns false when the call comes from the
  // heap's own work (refshadow's use of instrumented JDK code), which must not be mirrored.

  public void lock() {
    gil.lock();
  }

  public void unlock() {
    gil.unlock();
  }

  /** Whether this thread holds the heap's lock (is inside the heap's own work). */
  boolean lockHeldByCurrentThread() {
    return gil.isHeldByCurrentThread();
  }

  /**
   * After a StackOverflowError or OutOfMemoryError inside a hook, the hook's own {@code finally}
   * may itself have failed before releasing the lock: a hook is entered holding nothing (user code
   * run by the heap runs with the lock released), so whatever this thread still holds is leaked and
   * is released here, or every other thread would wait forever. After an OutOfMemoryError,
   * mirroring stops, so that refshadow adds no more pressure to a host that is out of memory, and
   * the whole shadow is released: true if this call did that (the first such error).
   */
  boolean recoverAfter(VirtualMachineError e) {
    try {
      gil.finishRelease(); // the error hit inside the lock's own release
      if (gil.isHeldByCurrentThread()) {
        busy = false;
        try {
          while (gil.isHeldByCurrentThread()) {
            gil.unlock();
          }
        } finally {
          gil.finishRelease();
        }
      }
      if (e instanceof OutOfMemoryError && !released) {
        stopReason = "when the JVM ran out of memory inside refshadow (the shadow was released)";
        stopped = true;
        if (releaseAll()) {
          releasePending = false;
          System.err.println(
              "refshadow: the JVM ran out of memory inside refshadow; mirroring stops here, the"
                  + " shadow heap's memory goes back to the program, which runs on unwatched (see"
                  + " option maxShadowMemory)");
          return true;
        }
        // Another thread stayed inside a hook, or heap work waits for user code (this error may
        // come from a finalizer's hook): mirroring has stopped, and the next hook that holds
        // nothing releases the shadow.
        releaseLater("the JVM ran out of memory inside refshadow");
        return true;
      }
    } catch (Throwable ignored) {
      // nothing more can be done here; the hook that failed is already being reported
    }
    return false;
  }

  /**
   * After an OutOfMemoryError, with mirroring stopped for good: forgets every node (the table, the
   * generations, the statics, gc.garbage, what frames hold), so that the program gets back the
   * memory the shadow took from its heap. The API answers from an empty shadow from then on.
   */
  private boolean releaseAll() {
    if (!tryLock(1000)) {
      return false; // another thread is inside a hook; it stops at its next one, the memory stays
    }
    try {
      if (pausedUserCode > 0) {
        // A thread's heap work (a collection, a dealloc) waits for user code it runs (a finalizer,
        // a callback) to return, and then goes on with the lists and counts it was using: releasing
        // them under it would leave it working on emptied structures. A later hook does it.
        return false;
      }
      try {
        cutNodesFromObjects();
        MemoryTracer.forgetAll(this);
      } catch (Throwable t) {
        // out of memory again, or a bug: what was not cut stays reachable from its object; the
        // structures below are emptied all the same
      }
      table.clear();
      ClassInfo.forgetRecent();
      fieldMark = newFieldMark(); // what objects still hold in their node fields is no longer found
      fieldNodes = 0;
      liveNodes = 0;
      edgeArrays = 0;
      gc.forgetAll();
      java.util.Arrays.fill(statics, null);
      garbage.clear();
      extras = new java.util.IdentityHashMap<>(); // clear() would keep the array of its peak
      for (ThreadState ts : allThreads) {
        ts.forgetNodes();
      }
      edgeSlots = 0;
      while (reclaimed.poll() != null) {
        // nodes forgotten with the rest
      }
    } finally {
      gil.unlock();
    }
    released = true;
    return true;
  }

  /**
   * Before a release, with the lock held: each node the shadow can still find (the generations, the
   * table, the roots, and through their edges the untracked nodes they point to) is cut from its
   * object's node field. A live object of an application class keeps its node in that field ({@link
   * NodeField}), and the node keeps its edges and its generation list's links: without this,
   * emptying the shadow's own structures would give back only the nodes found through the table,
   * and the objects the program still holds would keep the rest of the shadow alive.
   */
  private void cutNodesFromObjects() {
    cutStack = new Node[64];
    cutCount = 0;
    for (GcList g : gc.generations) {
      cutList(g);
    }
    cutList(gc.permanent);
    table.forEach(this::pushToCut);
    forEachRootReference(this::pushToCut);
    while (cutCount > 0) {
      Node n = cutStack[--cutCount];
      cutStack[cutCount] = null;
      cut(n);
    }
    cutStack = null;
  }

  /** Untracked nodes still to be cut (an array, not a JDK collection, which refshadow mirrors). */
  private Node[] cutStack;

  private int cutCount;

  private void cutList(GcList list) {
    Node n = list.first();
    while (n != list.head) {
      Node next = list.next(n);
      // out of every list (the release forgets the lists' slots at once): a late untrack finds
      // nothing to unlink
      n.flags = (n.flags | Node.RELEASED) & ~Node.TRACKED;
      n.gcSlot = 0;
      cut(n);
      n = next;
    }
  }

  /** Queues an untracked node to be cut; a tracked one is cut with its generation. */
  private void pushToCut(Node n) {
    if (n == null || (n.flags & (Node.RELEASED | Node.TRACKED)) != 0) {
      return; // cut already (or queued), or in a generation (cut with it)
    }
    n.flags |= Node.RELEASED;
    if (cutCount == cutStack.length) {
      cutStack = java.util.Arrays.copyOf(cutStack, cutCount * 2);
    }
    cutStack[cutCount++] = n;
  }

  private void cut(Node n) {
    if (n.tableSlot == fieldMark && n.type != null && n.type.nodeOffset >= 0) {
      Object o = n.get();
      if (o != null && NodeField.get(o, n.type.nodeOffset) == n) {
        NodeField.set(o, n.type.nodeOffset, null);
      }
    }
    Node[] edges = n.edges;
    if (edges != null) {
      for (Node e : edges) {
        pushToCut(e);
      }
    }
    // and from the other nodes: a node something still holds (a sampled lifetime, a weak
    // reference's registration) would otherwise keep, through its edges, the rest of the shadow
    n.edges = NO_EDGES;
    n.flags &= ~Node.EXTRA; // the side table is emptied as a whole
  }

  /**
   * The heap is nearly full after a garbage collection (the heap guard's answer, {@link
   * #pollPressure}; callable from any thread): mirroring stops now, and the next hook any thread
   * reaches, holding nothing, releases the whole shadow ({@link #releaseAll}) and prints {@code
   * warning} with the bytes given back, so that the shadow never runs the program out of memory,
   * whatever the budget.
   */
  public void releaseUnderPressure(String warning) {
    if (released || releasePending || givingBack) {
      return; // a shadow stopped at its budget still holds its memory: it is released too
    }
    stopReason = "when the heap was nearly full (the shadow was released)";
    releaseLater(warning);
  }

  /**
   * Every {@code PRESSURE_POLL_MASK + 1} method entries and allocations on a thread (whether
   * mirroring or stopped at the budget), the heap guard is asked whether the JVM's heap is nearly
   * full ({@link #setPressureCheck}).
   */
  static final int PRESSURE_POLL_MASK = (1 << 14) - 1;

  /**
   * Counts {@code ticks} more method entries or allocations on thread {@code ts}: true when the
   * count crosses a multiple of {@code PRESSURE_POLL_MASK + 1}, and the heap guard is due ({@link
   * #pollPressure}, which may also leave the count just short of the next multiple).
   */
  static boolean pollDue(ThreadState ts, int ticks) {
    int before = ts.ticks;
    int after = before + ticks;
    ts.ticks = after;
    return ((before ^ after) & ~PRESSURE_POLL_MASK) != 0;
  }

  /** The heap guard the agent installs (null: none): a warning when the heap is nearly full. */
  private volatile java.util.function.Supplier<String> pressureCheck;

  /**
   * Installs the heap guard: asked from the program's threads, every 16,384 method entries and
   * allocations on each (at the first hook in the program's own code from there, {@link
   * #pollPressure}), outside the heap's lock and with the thread's hooks off; when it answers a
   * warning (the heap nearly full after a collection), the shadow is released at once, with that
   * warning ({@link #releaseUnderPressure}). Asked from the threads the program runs anyway, so
   * refshadow adds no thread of its own; a failing guard is dropped, and the program runs on.
   */
  public void setPressureCheck(java.util.function.Supplier<String> check) {
    pressureCheck = check;
  }

  /**
   * Asks the heap guard, from a hook of thread {@code ts}, holding nothing; {@code inJdkCode}: the
   * hook is in the JDK's instrumented collections. There the question waits for this thread's next
   * hook in the program's own code: the guard runs JDK code (the management API, which links
   * lambdas and string concatenations at its first use), and the JDK's own internals use those
   * collections where they cannot be re-entered. java.lang.invoke's ClassSpecializer.findSpecies
   * reserves a species, builds it (List.copyOf, an instrumented allocation) and then expects to
   * find its own reservation; a guard asked from that allocation linked the same species first and
   * findSpecies threw InternalError "Concurrent loadSpecies" into the program (a twin's gc callback
   * lost its string concatenation).
   */
  void pollPressure(ThreadState ts, boolean inJdkCode) {
    java.util.function.Supplier<String> check = pressureCheck;
    if (check == null
        || released
        || releasePending
        || ts.suppressed > 0
        || gil.isHeldByCurrentThread()) {
      return;
    }
    if (inJdkCode) {
      // the next tick (a method entry or an allocation) of this thread polls again
      ts.ticks |= PRESSURE_POLL_MASK;
      return;
    }
    ts.suppressed++; // the JDK code the guard runs (collections included) is not the program's
    try {
      String warning = check.get();
      if (warning != null) {
        releaseUnderPressure(warning);
      }
    } catch (OutOfMemoryError e) {
      releaseUnderPressure(
          "the JVM ran out of memory while refshadow's heap guard looked at the heap");
    } catch (Throwable t) {
      pressureCheck = null; // a guard that fails once is not asked again; the budget still applies
    } finally {
      ts.suppressed--;
    }
  }

  /**
   * Stops mirroring now and has the next hook that holds nothing release the shadow, printing
   * {@code warning} ({@link #releasePendingShadow}).
   */
  void releaseLater(String warning) {
    if (released) {
      return;
    }
    pressureWarning = warning;
    releasePending = true;
    stopped = true;
  }

  private volatile boolean releasePending;

  /**
   * Set while one thread gives the shadow back ({@link #releasePendingShadow}): the heap guard,
   * which the other threads' hooks go on asking, may warn again meanwhile (the heap is still full),
   * and that warning must neither ask for a second release nor print a second time (ReliabilityIT
   * once saw the warning twice, both naming the shadow's size before the release; the
   * Common-Cleaner's hooks poll the guard too).
   */
  private volatile boolean givingBack;

  /** Set once the whole shadow has been released ({@link #releaseAll}); nothing more to give. */
  private volatile boolean released;

  /** Whether the whole shadow has been released (under memory pressure or after an error). */
  public boolean isReleased() {
    return released;
  }

  private volatile String pressureWarning;

  private volatile String stopReason = "at the maxShadowMemory budget";

  /** Why mirroring stopped, for the summary ("at the maxShadowMemory budget", ...). */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Releases the shadow after {@link #releaseUnderPressure}, once, from a thread holding nothing.
   */
  private void releasePendingShadow() {
    if (gil.isHeldByCurrentThread()) {
      return; // inside the heap's own work: the next hook does it
    }
    synchronized (this) {
      if (!releasePending || givingBack) {
        return; // nothing asked, or another thread is giving it back now
      }
      releasePending = false;
      if (released) {
        return;
      }
      givingBack = true;
    }
    long bytes;
    try {
      bytes = shadowBytes();
      if (!releaseAll()) {
        releasePending = true; // a thread stayed inside a hook for a second: try again later
        return;
      }
    } finally {
      givingBack = false;
    }
    System.err.println(
        "refshadow: "
            + pressureWarning
            + "; mirroring stops here and the shadow heap (about "
            + (bytes >> 20)
            + " MB) goes back to the program, which runs on unwatched. Give the JVM more heap"
            + " (-Xmx), lower maxShadowMemory, narrow include=, or sample with mirror=1/16.");
  }

  /** Takes the lock unless another thread holds it for longer than {@code millis}. */
  public boolean tryLock(long millis) {
    try {
      return gil.tryLock(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Takes the lock for a mirrored event; false (lock not held) when the heap itself is busy. */
  boolean enterMirror() {
    if (!enterMirrorQuietly()) {
      return false;
    }
    if (faultInjected) {
      busy = false;
      gil.unlock();
      throw new IllegalStateException("refshadow test fault injected into a hook");
    }
    return true;
  }

  /** {@link #enterMirror} without the test fault (method entry injects it past suppression). */
  boolean enterMirrorQuietly() {
    if (stopped) {
      if (releasePending) {
        releasePendingShadow();
      }
      return false;
    }
    if (!gil.tryLock() && !lockUnlessOrphaned()) {
      return false;
    }
    if (busy || stopped) {
      gil.unlock();
      return false;
    }
    busy = true;
    return true;
  }

  /**
   * Waits for the lock, looking every 100 ms whether its holder is still alive: a thread that ended
   * while holding it (refshadow's bug, never the program's) would otherwise stop every thread that
   * reaches a hook, the program's included. Then mirroring stops, with one warning naming that
   * thread, and the program runs on. An interrupt that arrives while waiting is kept for the
   * program (the flag is set again), as the uninterruptible lock() this replaces would.
   */
  private boolean lockUnlessOrphaned() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (gil.tryLock(100)) {
            return true;
          }
        } catch (InterruptedException e) {
          interrupted = true;
          continue;
        }
        Thread holder = gil.holder();
        if (stopped || (holder != null && !holder.isAlive())) {
          if (!stopped) {
            stopReason = "when a thread ended holding the shadow heap's lock (a refshadow bug)";
            stopped = true;
            System.err.println(
                "refshadow: thread \""
                    + holder.getName()
                    + "\" ended while holding the shadow heap's lock (a refshadow bug; please"
                    + " report it); mirroring stops here and the program runs on");
          }
          return false;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Set when the shadow heap outgrew its budget ({@link #setMemoryBudget}): from then on nothing
   * more is mirrored, so refshadow can never be what runs the program out of memory. The API keeps
   * answering from what was mirrored until then.
   */
  private volatile boolean stopped;

  private long budgetBytes = Long.MAX_VALUE;

  /**
   * Bytes one node costs: the node itself (a weak reference with the fields of {@link Node}, 64
   * bytes with compressed references). Its table slot is counted by the table's footprint, and the
   * side table's entries ({@link #extras}: objects with a finalizer or weak references) apart.
   */
  static final long BYTES_PER_NODE = 64;

  /** Limits the shadow heap to about {@code bytes}; beyond it mirroring stops, with one warning. */
  public void setMemoryBudget(long bytes) {
    setMemoryBudget(bytes, "option maxShadowMemory");
  }

  /** {@link #setMemoryBudget(long)}, naming where the budget comes from in the warnings. */
  public void setMemoryBudget(long bytes, String origin) {
    budgetBytes = bytes <= 0 ? Long.MAX_VALUE : bytes;
    budgetOrigin = origin;
  }

  private String budgetOrigin = "option maxShadowMemory";

  public boolean isStopped() {
    return stopped;
  }

  /**
   * The shadow heap's own estimated size in bytes: every node it keeps (those the identity table no
   * longer finds because the JVM reclaimed their object, cycles and pinned nodes, included), their
   * edge arrays (a 16-byte header and a 4-byte slot per edge), the identity table's arrays and the
   * generation lists' slots ({@link GcSlots}).
   */
  public long shadowBytes() {
    return liveNodes * BYTES_PER_NODE
        + edgeSlots * 4L
        + edgeArrays * 16L
        + table.footprint()
        + gc.slots.footprint()
        + extras.size() * BYTES_PER_EXTRA;
  }

  private long edgeSlots;

  /** Edge arrays of live nodes that are not the shared empty one. */
  private long edgeArrays;

  /**
   * Nodes made and not yet freed (nor forgotten as reclaimed immortals): what the shadow holds.
   * (Until Session 22 {@link #nodeCount} undercounted it: a rebuild of the identity table dropped
   * the nodes whose objects were gone.)
   */
  private long liveNodes;

  /**
   * Set when the shadow heap reached {@link #SAMPLE_FROM_PERCENT}% of its budget: from then on only
   * objects whose identity hash falls in a 1-in-{@link #SAMPLE_EVERY} sample get a node. The others
   * are left out as if made by code refshadow does not watch, except that they are not adopted: an
   * edge to one is not recorded, and an object mirrored so far that one of them comes to hold is
   * pinned (kept alive until the JVM reclaims it, never reported freed early). Objects mirrored
   * before, and sampled ones made after, keep exact lifetimes.
   */
  private volatile boolean sampling;

  /** Share of the budget at which sampling starts. */
  static final int SAMPLE_FROM_PERCENT = 80;

  /** While sampling after the budget's first step, one new object in this many is mirrored. */
  static final int SAMPLE_EVERY = 16;

  /** log2 of the sample's size: one object in 2^sampleBits is mirrored while sampling. */
  private int sampleBits = Integer.numberOfTrailingZeros(SAMPLE_EVERY);

  public boolean isSampling() {
    return sampling;
  }

  /** One object in how many is mirrored while sampling. */
  public int sampleEvery() {
    return 1 << sampleBits;
  }

  /**
   * Option {@code mirror=1/n}: samples from the start, one object in {@code n} (a power of two up
   * to 1024; 1 mirrors all), as the budget's first step does; for long or production runs, whose
   * shadow then costs about 1/n of a full one.
   */
  public void mirrorOneIn(int n) {
    if (n <= 1) {
      return;
    }
    if (Integer.bitCount(n) != 1 || n > 1024) {
      throw new IllegalArgumentException(
          "mirror one object in " + n + ": not a power of two <= 1024");
    }
    sampleBits = Integer.numberOfTrailingZeros(n);
    sampling = true;
    sampledByOption = true;
  }

  private boolean sampledByOption;

  /** Sampling was asked for ({@link #mirrorOneIn}), not started by the budget. */
  public boolean isSampledByOption() {
    return sampledByOption;
  }

  private void checkBudget() {
    if (stopped) {
      return;
    }
    long bytes = shadowBytes();
    if (bytes > budgetBytes) {
      stopped = true;
      System.err.println(
          "refshadow: the shadow heap reached its budget of "
              + budgetBytes
              + " bytes ("
              + budgetOrigin
              + ")"
              + (sampling ? " while sampling" : "")
              + "; mirroring stops here and the program runs on"
              + " unwatched. Raise maxShadowMemory (a size, a share such as 80%, or none) or"
              + " -Xmx, or narrow include= to watch more.");
    } else if (!sampling && bytes > budgetBytes / 100 * SAMPLE_FROM_PERCENT) {
      sampling = true;
      System.err.println(
          "refshadow: the shadow heap reached "
              + SAMPLE_FROM_PERCENT
              + "% of its budget of "
              + budgetBytes
              + " bytes ("
              + budgetOrigin
              + "); from here on 1 in "
              + sampleEvery()
              + " new objects is mirrored (objects mirrored so far stay exact, what the others hold"
              + " is kept alive), and mirroring stops at the budget. Raise maxShadowMemory or"
              + " narrow include= to watch everything.");
    }
  }

  /** Whether {@code obj} gets a node: always, except outside the sample while sampling. */
  private boolean sampled(Object obj) {
    return !sampling || ((System.identityHashCode(obj) * 0x9E3779B9) >>> (32 - sampleBits)) == 0;
  }

  /**
   * Test-only: every mirrored hook fails inside refshadow (see Installer, refshadow.test.fault).
   */
  private volatile boolean faultInjected;

  public void injectFault(boolean on) {
    faultInjected = on;
    faultsArmed = on || faultClassId != 0;
  }

  /**
   * Test-only: some fault is injected ({@link #injectFault}, {@link #injectFaultInto}), so hooks
   * that would return without taking the lock take it, to meet the fault.
   */
  volatile boolean faultsArmed;

  /** Test-only: the hooks of one class's frames fail (refshadow.test.fault=class name). */
  private volatile int faultClassId;

  public void injectFaultInto(String className) {
    faultClassId = className == null ? 0 : ClassSwitches.register(className);
    faultsArmed = faultInjected || faultClassId != 0;
  }

  /**
   * {@link #enterMirror()} for an event of frame {@code f}: with a test fault injected into f's
   * class, fails (lock released) unless f is already degraded.
   */
  boolean enterMirror(Frame f) {
    if (!enterMirror()) {
      return false;
    }
    if (f != null && f.classId != 0 && f.classId == faultClassId && !f.degraded) {
      busy = false;
      gil.unlock();
      throw new IllegalStateException("refshadow test fault injected into a hook of this class");
    }
    return true;
  }

  void exitMirror() {
    busy = false;
    gil.unlock();
  }

  /**
   * How many threads' heap work is waiting, the lock let go, for user code it runs ({@link
   * #runUserCode}); the shadow is not released meanwhile ({@link #releaseAll}). Guarded by the
   * lock.
   */
  private int pausedUserCode;

  /**
   * Runs user code (a finalizer, a weakref or gc callback) from inside the heap: its own hooks are
   * mirrored, and whatever it throws is reported as unraisable, as CPython's {@code
   * PyErr_WriteUnraisable} does.
   */
  void runUserCode(String what, Runnable code) {
    boolean saved = busy;
    busy = false;
    // A reference being handed to a caller (a call result not yet claimed by Hooks.result, e.g. a
    // new weakref whose allocation triggered this collection) belongs to the interrupted code, as
    // the value on CPython's C stack does while a finalizer or callback runs: set it aside, or the
    // first frame the user code enters would release it as unclaimed and free it.
    ThreadState ts = threadState();
    Node pending = ts.pendingReturn;
    ts.pendingReturn = null;
    // What the user code frees, it frees by refcount, even inside the collector's delete_garbage.
    boolean deleting = gc.deleting;
    gc.deleting = false;
    // The lock is not held while user code runs, as CPython lets other threads run while Python
    // code that the interpreter called (a __del__, a callback) waits: the code may wait for a
    // monitor that another thread holds while that thread waits for the heap (a store inside a
    // synchronized block), and both would wait forever. Every place that runs user code leaves the
    // heap consistent, as CPython does where it calls Python code (the collector's lists are its
    // own, `collecting` keeps other threads from starting a collection); each hook the user code
    // makes takes the lock again.
    int holds = gil.getHoldCount();
    pausedUserCode++;
    for (int i = 0; i < holds; i++) {
      gil.unlock();
    }
    try {
      code.run();
    } catch (Throwable t) {
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
      System.err.println("Exception ignored in: " + what);
      cause.printStackTrace();
    } finally {
      for (int i = 0; i < holds; i++) {
        gil.lock();
      }
      pausedUserCode--;
      releasePending(ts); // what the user code itself left unclaimed
      ts.pendingReturn = pending;
      gc.deleting = deleting;
      busy = saved;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Finding and creating nodes.

  private ThreadState newThreadState() {
    ThreadState ts = new ThreadState(Thread.currentThread());
    allThreads.add(ts);
    return ts;
  }

  /**
   * The thread state {@link #threadState} handed out last: a thread that finds its own here skips
   * the {@code ThreadLocal} lookup, one per method entry. Read and written without the lock and
   * without ordering: a stale or another thread's value fails the check on {@link
   * ThreadState#thread}, a final field, and falls back to the {@code ThreadLocal}. It is written
   * only when it changes, so a single-threaded program writes it once.
   */
  private ThreadState lastThreadState;

  ThreadState threadState() {
    ThreadState ts = lastThreadState;
    if (ts != null && ts.thread == Thread.currentThread()) {
      return ts;
    }
    ts = threads.get();
    lastThreadState = ts;
    return ts;
  }

  /** The node of {@code obj}, or null if the shadow has never seen it (or has freed it). */
  Node find(Object obj) {
    return find(obj, null);
  }

  /**
   * {@link #find(Object)} with the description of {@code obj}'s class, when the hook has it already
   * ({@code type}, from {@link HookSupport}'s {@code prepare}; null if not): one class lookup per
   * value and event instead of one before the lock and one or two under it.
   */
  Node find(Object obj, ClassInfo type) {
    long offset;
    if (type != null) {
      offset = type.nodeOffset;
    } else {
      Class<?> c = obj.getClass();
      // The JDK's own classes never carry the field: straight to the table, without describing
      // the class (which must not happen under the lock for a class no hook prepared).
      offset = c.getClassLoader() == null ? -1 : ClassInfo.of(c).nodeOffset;
    }
    if (offset >= 0) {
      // the injected field (NodeField): trusted only for a node of this heap naming this object
      Object held = NodeField.get(obj, offset);
      if (held instanceof Node) {
        Node n = (Node) held;
        if (n.tableSlot == fieldMark && n.get() == obj) {
          return n;
        }
      }
      return null;
    }
    return table.find(obj, System.identityHashCode(obj));
  }

  /**
   * The {@link Node#tableSlot} of every node this heap keeps in its object's injected field instead
   * of the table: a negative number that marks the node as this heap's (a new mark after {@link
   * #releaseAll}, and one per heap).
   */
  private int fieldMark = newFieldMark();

  private static final java.util.concurrent.atomic.AtomicInteger FIELD_MARKS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static int newFieldMark() {
    return -1 - (FIELD_MARKS.getAndIncrement() & Integer.MAX_VALUE);
  }

  /** How many nodes live in injected fields, not in the table. */
  private long fieldNodes;

  /** Nodes the shadow keeps (in the table or in injected fields). */
  long nodeCount() {
    return table.size() + fieldNodes;
  }

  private Node create(Object obj, int flags) {
    return create(obj, null, flags);
  }

  /**
   * A new node for {@code obj}; {@code known} is its class's description, or null. Every node is
   * registered with the {@link #reclaimed} queue: the JVM hands back those the shadow still holds
   * when it reclaims their object (few: the shadow frees most objects first, and a node nothing
   * holds is not handed back), so that a reference held from outside the shadow can be released.
   */
  private Node create(Object obj, ClassInfo known, int flags) {
    if (obj instanceof Enum) {
      flags |= Node.IMMORTAL; // enum constants are compile-time constants: immortal (PEP 683)
    }
    ClassInfo type = known != null ? known : ClassInfo.of(obj.getClass());
    long size;
    try {
      size = sizer.applyAsLong(obj);
    } catch (RuntimeException e) {
      size = estimateSize(obj);
    }
    if (((liveNodes + 1) & 1023) == 0) {
      checkBudget();
    }
    Node n = new Node(obj, type, size, reclaimed);
    n.flags = flags;
    if (type.isArray) {
      int length = java.lang.reflect.Array.getLength(obj);
      n.edges = type.tracked && length > 0 ? new Node[length] : NO_EDGES;
    } else {
      n.edges = type.fieldIds.length == 0 ? NO_EDGES : new Node[type.fieldIds.length];
    }
    edgeSlots += n.edges.length;
    if (n.edges.length > 0) {
      edgeArrays++;
    }
    liveNodes++;
    if (type.del != null && (flags & Node.ADOPTED) == 0) {
      setStrong(n, obj); // the finalizer will need the object itself
    }
    if (type.nodeOffset >= 0) {
      n.tableSlot = fieldMark;
      NodeField.set(obj, type.nodeOffset, n);
      fieldNodes++;
    } else {
      // only here: an object whose node lives in its field never needs its identity hash, whose
      // first request makes the JVM install it in the object's header (a call into the VM)
      table.add(n, System.identityHashCode(obj));
    }
    return n;
  }

  private static final Node[] NO_EDGES = new Node[0];

  /**
   * The node of a value met at a store, a parameter or an argument: an object the shadow has not
   * seen was allocated by code it does not watch (or before it started), so it is adopted holding
   * one external reference, released once the JVM has reclaimed it ({@link #releaseReclaimed}): its
   * lifetime falls back to the JVM's.
   */
  Node nodeOfValue(Object obj) {
    Node n = find(obj, null);
    if (n == null) {
      n = adopt(obj, null, true);
    }
    return n;
  }

  /**
   * {@link #nodeOfValue} for the events of the program: null, not adopted, for an unknown object
   * outside the sample while {@linkplain #sampling sampling}.
   */
  private Node nodeOfStored(Object obj) {
    return nodeOfStored(obj, null);
  }

  /** {@link #nodeOfStored(Object)} with {@code obj}'s class description, or null. */
  private Node nodeOfStored(Object obj, ClassInfo type) {
    Node n = find(obj, type);
    if (n == null) {
      if (!sampled(obj)) {
        return null;
      }
      n = adopt(obj, type, true);
    }
    return n;
  }

  /**
   * Adopts an object the shadow meets for the first time (DESIGN.md, "objects first seen late").
   * Literals, cached boxes, enum constants and class objects become immortal (PEP 683); others are
   * tracked if they can hold references, without counting as an allocation.
   */
  Node adopt(Object obj, boolean external) {
    return adopt(obj, null, external);
  }

  /** {@link #adopt(Object, boolean)} with {@code obj}'s class description, or null. */
  private Node adopt(Object obj, ClassInfo known, boolean external) {
    ClassInfo type = known != null ? known : ClassInfo.of(obj.getClass());
    if (isImmortalValue(obj, type)) {
      Node n = create(obj, type, Node.IMMORTAL | Node.ADOPTED);
      stats.immortals++;
      return n;
    }
    // a map's cached view: every reference to it is mirrored (holdViewed), none is external
    boolean view = type.viewOffsets != null;
    boolean held = external && !view;
    Node n = create(obj, type, Node.ADOPTED);
    stats.adopted++;
    if (held) {
      n.flags |= Node.EXTERNAL | Node.FOREIGN;
      n.refcount = 1;
    }
    if (view) {
      holdViewed(n, obj);
    }
    if (n.type.tracked) {
      gc.track(n);
    }
    return n;
  }

  /**
   * A map's cached view met again ({@link ClassInfo#viewOffsets}; in the map's own {@code
   * keySet()}, as it reads and returns its cache): its first node died when the program dropped it,
   * while the map kept the object (that link is not mirrored). It is adopted without an external
   * reference, since only the map's code makes such views and every other reference to them is
   * mirrored, and its edges are filled from its fields, so it holds its map again, as {@code
   * d.keys()} holds its dict; a field's referent the shadow does not know is left out, not adopted.
   * Read through Unsafe, which runs no Java code under the lock.
   */
  private void holdViewed(Node n, Object view) {
    long[] offsets = n.type.viewOffsets;
    for (int i = 0; i < offsets.length && i < n.edges.length; i++) {
      if (offsets[i] < 0) {
        continue;
      }
      Object v = NodeField.get(view, offsets[i]);
      Node e = v == null ? null : find(v);
      if (e != null) {
        incref(e);
        n.edges[i] = e;
      }
    }
  }

  /**
   * Where the JVM hands back the nodes the shadow still holds whose objects it has reclaimed (every
   * node is registered, {@link #create}). An adopted object holds one external reference, standing
   * for the references the shadow cannot see (those of the code that made it), and so does a pinned
   * one (those of the code it escaped into); once the JVM has reclaimed the object, no such
   * reference can exist any more, so {@link #releaseReclaimed} releases it, and the node lives on
   * only as long as shadow edges keep it. Without this, every object the JDK's own code made and
   * handed to the program (a string's pieces, a locale cache's entries, a stream's buffers) stayed
   * in the shadow, and in the cycle detector's generations, for the rest of the run: 3.9 of 4.6
   * million nodes in a run of commons-lang3's test suite, which ran the host out of memory.
   */
  private final java.lang.ref.ReferenceQueue<Object> reclaimed =
      new java.lang.ref.ReferenceQueue<>();

  /** Allocations since the last {@link #releaseReclaimed}. */
  private int allocationsSinceRelease;

  private boolean releasing;

  /**
   * Releases the external reference of every adopted or pinned object the JVM has reclaimed since
   * the last call (which may free it, and what only it kept alive, by refcount, as Py_DECREF
   * would), and forgets reclaimed immortal objects. Called where the shadow may free objects
   * anyway: every 256th allocation, before an automatic collection and at {@code gc.collect()}. A
   * pinned object (it escaped into code refshadow does not watch) is released the same way: its
   * lifetime falls back to the JVM's (DESIGN.md, opaque code), so it, and what only it held, are
   * freed once the JVM has reclaimed it (the JVM clears the node before a Java {@code finalize()}
   * of an unwatched holder runs, which could still reach it). An object the shadow holds strongly
   * ({@link #strong}: it has an {@code @Del} method or Python weak references) is never reclaimed
   * by the JVM, so a pinned one stays pinned. Until session 16 a pinned object kept its reference
   * for the rest of the run, and with it everything it reached: a few of H2's map roots ({@code
   * RootReference}) are pinned, and through them every dropped in-memory database, about 80,000
   * nodes a repetition of the H2 workload, stayed in the shadow.
   */
  void releaseReclaimed() {
    if (releasing) {
      return;
    }
    if (released) {
      // the nodes the queue hands back now belong to the shadow that was given back: forgotten
      while (reclaimed.poll() != null) {
        // nothing to release
      }
      return;
    }
    releasing = true;
    try {
      java.lang.ref.Reference<?> r;
      while ((r = reclaimed.poll()) != null) {
        Node n = (Node) r;
        if (n.has(Node.FREED)) {
          continue;
        }
        if (n.has(Node.IMMORTAL)) {
          forgetReclaimed(n);
        } else if (n.has(Node.EXTERNAL)) {
          // adopted, or pinned when it escaped into code refshadow does not watch: whatever held
          // it outside the shadow let it go, since the JVM found it unreachable. FOREIGN (adopted
          // ones already are): its death is the JVM's timing, so a collection that frees it does
          // not count it (gc.collect()'s result would depend on when the JVM collected; its
          // partners in a cycle are still counted)
          if (n.has(Node.PINNED)) {
            stats.reclaimedPinned++;
          } else {
            stats.reclaimedAdopted++;
          }
          n.flags = (n.flags & ~(Node.EXTERNAL | Node.PINNED)) | Node.FOREIGN;
          decref(n);
        }
      }
    } finally {
      releasing = false;
    }
  }

  /** An immortal node whose object is gone: out of the table (or the count of field nodes). */
  private void forgetReclaimed(Node n) {
    liveNodes--; // the JVM enqueues a node once
    if (n.tableSlot == fieldMark) {
      n.tableSlot = 0;
      fieldNodes--;
    } else {
      table.remove(n);
    }
  }

  static boolean isImmortalValue(Object obj) {
    return isImmortalValue(obj, ClassInfo.of(obj.getClass()));
  }

  private static boolean isImmortalValue(Object obj, ClassInfo type) {
    if (type.immortalWhenAdopted) {
      return true;
    }
    // The JDK's box caches play the part of CPython's small-int cache (-5..256).
    if (obj instanceof Integer) {
      int v = (Integer) obj;
      return v >= -128 && v <= 127 && Integer.valueOf(v) == obj;
    }
    if (obj instanceof Long) {
      long v = (Long) obj;
      return v >= -128 && v <= 127 && Long.valueOf(v) == obj;
    }
    if (obj instanceof Short) {
      short v = (Short) obj;
      return v >= -128 && v <= 127 && Short.valueOf(v) == obj;
    }
    if (obj instanceof Byte) {
      return Byte.valueOf((Byte) obj) == obj;
    }
    if (obj instanceof Character) {
      char v = (Character) obj;
      return v <= 127 && Character.valueOf(v) == obj;
    }
    if (obj instanceof Boolean) {
      return obj == Boolean.TRUE || obj == Boolean.FALSE;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Reference counting.

  static void incref(Node n) {
    if (n != null && (n.flags & Node.IMMORTAL) == 0) {
      n.refcount++;
    }
  }

  /** Py_DECREF: frees the node when its count reaches zero. */
  void decref(Node n) {
    if (n == null || (n.flags & (Node.IMMORTAL | Node.FREED)) != 0) {
      if (n != null && n.has(Node.FREED)) {
        stats.invariantViolations++;
      }
      return;
    }
    if (--n.refcount == 0) {
      deallocate(n);
    } else if (n.refcount < 0) {
      stats.invariantViolations++;
      n.refcount = 0;
    }
  }

  /**
   * Frees {@code root} and everything that only it kept alive, in CPython's order: each object's
   * finalizer, then its weak references, then its references one by one, depth first (as the
   * recursive {@code subtype_dealloc} would). The recursion is an explicit stack, so a chain of a
   * million nodes frees without a StackOverflowError.
   */
  private void deallocate(Node root) {
    if (!beginDealloc(root)) {
      return;
    }
    // The explicit stack holds the ancestors whose remaining edges are still to be cleared: their
    // nodes in deallocStack (shared by nested frees, which a finalizer's stores can start, each
    // above the one it interrupts), and in deallocNext the position of each one's next edge. So
    // however deep the free goes (a ring of a million nodes), it allocates nothing once the stack
    // has grown.
    int base = deallocDepth;
    try {
      Node cur = root;
      int curNext = 0;
      while (true) {
        Node child = null;
        Node[] edges = cur.edges;
        // subtype_dealloc's clear_slots runs in slot order; list_dealloc from the last item down.
        while (curNext < edges.length && child == null) {
          int i = cur.type.isArray ? edges.length - 1 - curNext : curNext;
          curNext++;
          child = edges[i];
          edges[i] = null;
        }
        if (child == null) {
          finishDealloc(cur);
          if (deallocDepth == base) {
            return;
          }
          cur = deallocStack[--deallocDepth];
          deallocStack[deallocDepth] = null;
          curNext = deallocNext[deallocDepth];
          continue;
        }
        if ((child.flags & (Node.IMMORTAL | Node.FREED)) != 0) {
          continue;
        }
        if (--child.refcount == 0 && beginDealloc(child)) {
          if (deallocDepth == deallocStack.length) {
            deallocStack = java.util.Arrays.copyOf(deallocStack, deallocDepth * 2);
            deallocNext = java.util.Arrays.copyOf(deallocNext, deallocDepth * 2);
          }
          deallocNext[deallocDepth] = curNext;
          deallocStack[deallocDepth++] = cur;
          cur = child;
          curNext = 0;
        }
      }
    } finally {
      if (deallocDepth != base) { // a failure left ancestors: they stay as they are, unfreed
        java.util.Arrays.fill(deallocStack, base, deallocDepth, null);
        deallocDepth = base;
      }
      if (base == 0 && deallocStack.length > DEALLOC_STACK_KEPT) {
        deallocStack = new Node[DEALLOC_STACK_INITIAL]; // a deep free's stack is not kept
        deallocNext = new int[DEALLOC_STACK_INITIAL];
      }
    }
  }

  private static final int DEALLOC_STACK_INITIAL = 64, DEALLOC_STACK_KEPT = 4096;

  /** The ancestors of the nodes {@link #deallocate} is freeing, the innermost last. */
  private Node[] deallocStack = new Node[DEALLOC_STACK_INITIAL];

  /** For each node of {@link #deallocStack}, the position of its next edge to clear. */
  private int[] deallocNext = new int[DEALLOC_STACK_INITIAL];

  private int deallocDepth;

  /**
   * The first half of {@code subtype_dealloc}: the finalizer (once, PEP 442; it may resurrect the
   * object), then {@code PyObject_ClearWeakRefs}. Returns false if the object was resurrected.
   *
   * <p>Tracking follows subtype_dealloc: the object is untracked first ({@code
   * PyObject_GC_UnTrack}); its finalizer runs with it tracked again, in generation 0 ({@code
   * _PyObject_GC_TRACK}), so an object the finalizer resurrects lives on in generation 0; weak
   * references are cleared with the object untracked, so that a collection their callbacks trigger
   * cannot take the dying object for garbage and free it a second time. Generation 0's count drops
   * only when the object is finally freed ({@code PyObject_GC_Del}, in {@link #finishDealloc}).
   */
  private boolean beginDealloc(Node n) {
    n.flags |= Node.DEALLOCATING;
    boolean tracked = n.has(Node.TRACKED);
    // Only objects whose whole life the shadow saw get their finalizer: an adopted object may be
    // one the shadow already freed once (Java code can still reach it, Python code could not).
    if (n.type.del != null && !n.has(Node.FINALIZED) && !n.has(Node.ADOPTED)) {
      Object obj = strongOrReferent(n);
      if (obj != null) {
        if (tracked) {
          gc.untrack(n);
          gc.track(n); // into generation 0 for the finalizer, as _PyObject_GC_TRACK does
        }
        // PyObject_CallFinalizerFromDealloc: temporarily resurrect with refcount 1.
        n.refcount = 1;
        n.flags |= Node.FINALIZED;
        runFinalizer(n, obj);
        if (--n.refcount != 0) {
          n.flags &= ~Node.DEALLOCATING;
          stats.resurrected++;
          return false; // resurrected: a reference was stored somewhere during __del__
        }
      }
    }
    if (n.has(Node.TRACKED)) {
      gc.untrack(n);
    }
    ShadowWeakref own = weakrefOf(n);
    if (own != null) {
      // weakref_dealloc -> clear_weakref: a weak reference that dies leaves its referent's list.
      unlinkWeakref(own);
    }
    clearWeakrefs(n);
    return true;
  }

  /**
   * The second half: untrack, decrement gen-0 count (PyObject_GC_Del), forget the object.
   *
   * <p>The node's weak referent is left as it is: a freed node has left the identity table and the
   * generation lists (if it was registered with the reference queue, the drain skips it as freed),
   * and everything that still holds a node and reads its referent (frames, statics, pending
   * results, edges) holds a counted reference, so it never holds a freed one. Clearing it was a
   * native call per freed object ({@code Reference.clear0} on JDK 16+).
   */
  private void finishDealloc(Node n) {
    gc.untrackFreed(n);
    n.flags = (n.flags | Node.FREED) & ~Node.DEALLOCATING;
    edgeSlots -= n.edges.length;
    if (n.edges.length > 0) {
      edgeArrays--;
    }
    liveNodes--;
    if (n.tableSlot == fieldMark) {
      n.tableSlot = 0;
      fieldNodes--;
      Object o = n.get();
      if (o != null && NodeField.get(o, n.type.nodeOffset) == n) {
        NodeField.set(o, n.type.nodeOffset, null); // the live object no longer keeps the node
      }
    } else {
      table.remove(n);
    }
    Object obj = null;
    if ((n.flags & Node.EXTRA) != 0) {
      obj = strong(n);
      forgetExtra(n); // a freed node keeps nothing in the side table
    }
    if (gc.deleting) {
      stats.freedByCycles++;
    } else {
      stats.freedByRefcount++;
    }
    if (n.has(Node.ADOPTED)) {
      stats.freedAdopted++;
    }
    listener.onFree(n, gc.deleting, obj);
  }

  void runFinalizer(Node n, Object obj) {
    listener.onFinalizer(n);
    runUserCode(n.type.name + "." + n.type.del.getName(), () -> n.type.runDel(obj));
  }

  /**
   * PyObject_ClearWeakRefs: clears every weak reference to {@code n}, then calls the callbacks of
   * those that are themselves alive, in list order (newest first).
   */
  void clearWeakrefs(Node n) {
    ShadowWeakref first = weakrefs(n);
    if (first == null) {
      return;
    }
    List<ShadowWeakref> toCall = new ArrayList<>();
    for (ShadowWeakref w = first; w != null; ) {
      ShadowWeakref next = w.nextRef;
      boolean alive = w.self == null || (w.self.refcount > 0 && !w.self.has(Node.FREED));
      if (w.callback != null && alive) {
        toCall.add(w);
      }
      unlinkWeakref(w);
      w = next;
    }
    for (ShadowWeakref w : toCall) {
      Node wn = w.self;
      incref(wn);
      callWeakrefCallback(w);
      if (wn != null) {
        decref(wn);
      }
    }
  }

  void callWeakrefCallback(ShadowWeakref w) {
    listener.onWeakrefCallback(w);
    runUserCode("weakref callback " + w.callback, w::invokeCallback);
  }

  /** _PyWeakref_ClearRef: the reference no longer names its referent. */
  void unlinkWeakref(ShadowWeakref w) {
    Node t = w.target;
    if (t == null) {
      return;
    }
    if (w.prevRef != null) {
      w.prevRef.nextRef = w.nextRef;
    } else {
      setWeakrefs(t, w.nextRef);
    }
    if (w.nextRef != null) {
      w.nextRef.prevRef = w.prevRef;
    }
    w.prevRef = null;
    w.nextRef = null;
    w.target = null;
    w.referent = null;
    releaseStrongIfUnneeded(t);
  }

  /**
   * Drops the shadow's strong hold on a node's object once no user code can ask for it: no
   * finalizer to run, no weak reference to answer, not in gc.garbage, not a weakref object.
   */
  private void releaseStrongIfUnneeded(Node t) {
    if (strong(t) != null
        && weakrefs(t) == null
        && t.type.del == null
        && !t.has(Node.WEAKREF_OBJECT)
        && !(garbage.contains(t))) {
      setStrong(t, null);
    }
  }

  /** The weak reference object whose node is {@code n}, or null. */
  ShadowWeakref weakrefOf(Node n) {
    return n.has(Node.WEAKREF_OBJECT) ? (ShadowWeakref) strong(n) : null;
  }

  /** Appends a node to gc.garbage (a list: it holds a reference, and the object itself). */
  void appendGarbage(Node n) {
    insertGarbage(garbage.size(), n, n.get());
  }

  /** Inserts {@code n}, whose object is {@code obj}, into gc.garbage at {@code index}. */
  void insertGarbage(int index, Node n, Object obj) {
    incref(n);
    if (strong(n) == null) {
      setStrong(n, obj);
    }
    garbage.add(index, n);
  }

  /**
   * What a few nodes need beyond their own fields, kept here instead of in two fields of every
   * node: the object itself, held strongly while user code may still ask for it (a finalizer to
   * run, a weak reference to answer, gc.garbage; a weak reference object's node holds the weak
   * reference), and the head of the object's weak references, newest first (CPython's tp_weaklist).
   * Few objects have either, and without the two fields a node is 8 bytes smaller. A node with an
   * entry has {@link Node#EXTRA}; a freed one has none. Guarded by the heap lock.
   */
  private java.util.IdentityHashMap<Node, Extra> extras = new java.util.IdentityHashMap<>();

  /** Bytes an entry of {@link #extras} costs: the {@code Extra} (24) and the map's two slots. */
  static final long BYTES_PER_EXTRA = 40;

  /** An entry of {@link #extras}; never both null. */
  private static final class Extra {
    Object strong;
    ShadowWeakref weakrefs;
  }

  private Extra extra(Node n, boolean create) {
    if ((n.flags & Node.EXTRA) != 0) {
      Extra e = extras.get(n);
      if (e != null) {
        return e;
      }
    }
    if (!create || n.has(Node.FREED)) {
      return null;
    }
    Extra e = new Extra();
    extras.put(n, e);
    n.flags |= Node.EXTRA;
    return e;
  }

  /** The object the shadow holds strongly for {@code n}, or null. */
  Object strong(Node n) {
    Extra e = extra(n, false);
    return e == null ? null : e.strong;
  }

  /** The node's strong object if it has one, else its weakly held object (null once reclaimed). */
  Object strongOrReferent(Node n) {
    Object strong = strong(n);
    return strong != null ? strong : n.get();
  }

  /** Holds {@code obj} strongly for {@code n}, or (null) no longer. */
  void setStrong(Node n, Object obj) {
    Extra e = extra(n, obj != null);
    if (e != null) {
      e.strong = obj;
      forgetExtraIfEmpty(n, e);
    }
  }

  /** The newest weak reference to {@code n}'s object, or null. */
  ShadowWeakref weakrefs(Node n) {
    Extra e = extra(n, false);
    return e == null ? null : e.weakrefs;
  }

  void setWeakrefs(Node n, ShadowWeakref head) {
    Extra e = extra(n, head != null);
    if (e != null) {
      e.weakrefs = head;
      forgetExtraIfEmpty(n, e);
    }
  }

  private void forgetExtraIfEmpty(Node n, Extra e) {
    if (e.strong == null && e.weakrefs == null) {
      forgetExtra(n);
    }
  }

  private void forgetExtra(Node n) {
    extras.remove(n);
    n.flags &= ~Node.EXTRA;
  }

  /** Removes entry {@code i} of gc.garbage, releasing its reference. */
  void removeGarbage(int i) {
    Node n = garbage.remove(i);
    releaseStrongIfUnneeded(n);
    decref(n);
  }

  /**
   * tp_clear: drops every reference {@code n} holds, in the order subtype_clear (slots in order) or
   * list clear (last item first) drops them. The decrefs may free other objects at once.
   */
  void clearEdges(Node n) {
    Node[] edges = n.edges;
    for (int k = 0; k < edges.length; k++) {
      int i = n.type.isArray ? edges.length - 1 - k : k;
      Node t = edges[i];
      if (t != null) {
        edges[i] = null;
        decref(t);
      }
    }
  }

  /**
   * weakref.ref(obj, callback): a new weak reference, inserted in obj's list as CPython does
   * (callback-less references first, each newer one ahead of older ones); a callback-less request
   * returns the existing callback-less reference if there is one.
   */
  <W extends ShadowWeakref> W newWeakref(
      Object obj, Object callback, java.util.function.Supplier<W> factory) {
    Node t = nodeOfValue(obj);
    if (callback == null) {
      ShadowWeakref basic = weakrefs(t);
      if (basic != null && basic.callback == null) {
        @SuppressWarnings("unchecked")
        W existing = (W) basic;
        Node self = existing.self;
        incref(self);
        handToCaller(self);
        return existing;
      }
    }
    W w = factory.get();
    w.target = t;
    w.referentType = t.typeName();
    w.referent = obj;
    w.callback = callback;
    if (strong(t) == null) {
      setStrong(t, obj);
    }
    ShadowWeakref head = weakrefs(t);
    if (callback != null && head != null && head.callback == null) {
      // insert after the callback-less reference
      w.prevRef = head;
      w.nextRef = head.nextRef;
      if (head.nextRef != null) {
        head.nextRef.prevRef = w;
      }
      head.nextRef = w;
    } else {
      w.nextRef = head;
      if (head != null) {
        head.prevRef = w;
      }
      setWeakrefs(t, w);
    }
    Node self = create(w, Node.WEAKREF_OBJECT);
    setStrong(self, w);
    w.self = self;
    stats.allocations++;
    if (callback != null) {
      int slot = self.type.slotOf(CALLBACK_FIELD_ID);
      if (slot >= 0) {
        Node cb = nodeOfValue(callback);
        incref(cb);
        self.edges[slot] = cb;
      }
    }
    incref(self);
    handToCaller(self);
    listener.onAllocation(self);
    gc.trackAllocation(self);
    return w;
  }

  static final int CALLBACK_FIELD_ID = FieldRegistry.id(ShadowWeakref.class.getName(), "callback");

  /** Leaves one reference to {@code n} for the caller to take as a call result. */
  private void handToCaller(Node n) {
    ThreadState ts = threadState();
    releasePending(ts);
    ts.pendingReturn = n;
  }

  /** Objects for gc.get_objects (generation -1 = all), in list order; live JVM objects only. */
  List<Object> objectsOf(int generation) {
    List<Object> out = new ArrayList<>();
    for (Node n : gc.nodesOf(generation)) {
      Object o = n.get();
      if (o != null && !n.has(Node.INTERNAL)) { // a collection's storage is not a Python object
        out.add(o);
      }
    }
    return out;
  }

  /** gc.get_referrers: tracked objects any of whose references is to one of {@code targets}. */
  List<Object> referrersOf(Object[] targets) {
    java.util.Set<Node> wanted =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Object t : targets) {
      if (t != null) {
        Node n = find(t);
        if (n != null) {
          wanted.add(n);
        }
      }
    }
    List<Object> out = new ArrayList<>();
    for (Node n : gc.nodesOf(-1)) {
      for (Node e : n.edges) {
        if (e != null && wanted.contains(e)) {
          Object o = n.get();
          if (o != null) {
            out.add(o);
          }
          break;
        }
      }
    }
    return out;
  }

  /** gc.get_referents: the references of the tracked objects among {@code sources}. */
  List<Object> referentsOf(Object[] sources) {
    List<Object> out = new ArrayList<>();
    for (Object s : sources) {
      if (s == null) {
        continue;
      }
      Node n = find(s);
      if (n == null || !n.has(Node.TRACKED)) {
        continue;
      }
      Node[] edges = n.edges;
      for (int k = 0; k < edges.length; k++) {
        Node e = edges[n.type.isArray ? edges.length - 1 - k : k];
        Object o = e == null ? null : e.get();
        if (o != null) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** Registers {@code list} (a runtime-made list of {@code items}) as a new Python list. */
  void registerResultList(Object list, List<Object> items) {
    Node n = create(list, 0);
    stats.allocations++;
    ensureArraySlots(n, items.size());
    for (int i = 0; i < items.size(); i++) {
      Node e = nodeOfValue(items.get(i));
      incref(e);
      n.edges[i] = e;
    }
    incref(n);
    handToCaller(n);
    listener.onAllocation(n);
    gc.trackAllocation(n);
  }

  // ---------------------------------------------------------------------------------------------
  // Edges.

  /** Replaces edge {@code slot} of {@code owner} with {@code target} (Py_XSETREF order). */
  void setEdge(Node owner, int slot, Node target) {
    Node old = owner.edges[slot];
    if (old == target) {
      return;
    }
    incref(target);
    owner.edges[slot] = target;
    decref(old);
  }

  /** The slot of array index {@code index} in {@code owner}, growing the edge array if needed. */
  void ensureArraySlots(Node owner, int length) {
    int had = owner.edges.length;
    if (had < length) {
      owner.edges = java.util.Arrays.copyOf(owner.edges, length);
      edgeSlots += length - had;
      if (had == 0) {
        edgeArrays++;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The events instrumented code reports (called through Hooks, lock held by the caller).

  /** A frame for a method entry; null when the call comes from the heap's own work. */
  Frame enter(ThreadState ts, int maxLocals, boolean constructor, int classId) {
    if (ts.suppressed > 0) {
      return Frame.SUPPRESSED;
    }
    boolean off = ClassSwitches.isOff(classId);
    if (!off && (faultInjected || (classId != 0 && classId == faultClassId))) {
      throw new IllegalStateException("refshadow test fault injected into a hook");
    }
    releasePending(ts);
    Frame f = ts.push(maxLocals);
    f.constructor = constructor;
    f.classId = classId;
    f.degraded = off;
    return f;
  }

  /**
   * The events of a degraded frame ({@link ClassSwitches}) are not mirrored: each reference it
   * receives, stores or hands on is pinned instead, as one passed to code refshadow does not watch.
   */
  private static boolean degraded(Frame f) {
    return f != null && f.degraded;
  }

  private void pin(Object value) {
    if (value != null && value != ClassInfo.UNREADABLE) {
      escape(value);
    }
  }

  /** A constructor frame is about to call super(...) or this(...). */
  void superCall(Frame f) {
    f.inSuperCall = true;
  }

  void storeLocal(Frame f, int slot, Object value) {
    storeLocal(f, slot, value, null);
  }

  /**
   * {@link #storeLocal(Frame, int, Object)} with the description of {@code value}'s class, or null;
   * so do the other hooks' {@code type} parameters ({@code HookSupport} has it at hand).
   */
  void storeLocal(Frame f, int slot, Object value, ClassInfo type) {
    if (f.degraded) {
      pin(value);
      return;
    }
    Node n = value == null ? null : takeOrAdopt(f, value, type);
    f.ensureLocal(slot);
    Node old = f.locals[slot];
    f.locals[slot] = n;
    decref(old);
  }

  /**
   * A parameter arrives in local {@code slot}: a temporary of the calling frame holding it moves
   * into this frame (CPython 3.12 moves call arguments from the caller's stack into the callee's
   * locals), so {@code f(Node())} holds the Node once, and the callee's rebinding frees it.
   */
  void arg(Frame f, int slot, Object value) {
    arg(f, slot, value, null);
  }

  void arg(Frame f, int slot, Object value, ClassInfo type) {
    if (f.degraded) {
      if (f.constructor && slot == 0) {
        f.inSuperCall = false; // `this`: its creator registers it
      } else {
        pin(value);
      }
      return;
    }
    if (value == null) {
      storeLocal(f, slot, null, null);
      return;
    }
    Node n;
    if (f.constructor && slot == 0) {
      // `this`, after super(...) returned: the object under construction. The innermost
      // constructor meets it first; it stays CONSTRUCTING until its creator takes it.
      f.inSuperCall = false;
      n = find(value, type);
      if (n == null && sampled(value)) {
        // if its creator turns out not to be watched, it is adopted holding an external
        // reference (releasePending), released once the JVM reclaims it (releaseReclaimed)
        n = create(value, type, Node.CONSTRUCTING);
      }
    } else {
      n = nodeOfStored(value, type);
    }
    ThreadState ts = f.thread;
    Frame caller = f.depth > 0 ? ts.frames[f.depth - 1] : null;
    if (caller == null || !caller.active || !caller.takeTemp(n, caller.callPosition)) {
      incref(n); // not one of the call's temporaries: a new reference
    }
    f.ensureLocal(slot);
    Node old = f.locals[slot];
    f.locals[slot] = n;
    decref(old);
  }

  /**
   * The reference being stored: a temporary of {@code f} holding the value is consumed by the store
   * (as STORE_FAST or STORE_ATTR consume the value stack's reference); otherwise a new reference.
   */
  private Node takeOrAdopt(Frame f, Object value) {
    return takeOrAdopt(f, value, null);
  }

  private Node takeOrAdopt(Frame f, Object value, ClassInfo type) {
    Node n = nodeOfStored(value, type);
    if (f == null || !f.active || !f.takeTemp(n)) {
      incref(n);
    }
    return n;
  }

  void line(Frame f) {
    releasePending(f.thread);
    releaseTempsFrom(f, 0);
  }

  /**
   * Releases the temporaries at operand-stack positions {@code >= position}, top first, as a call
   * pops its arguments or a statement ends.
   */
  void releaseTempsFrom(Frame f, int position) {
    for (int i = f.tempCount - 1; i >= 0; i--) {
      if (i < f.tempCount && f.tempPositions[i] >= position) {
        Node n = f.temps[i];
        f.removeTempAt(i);
        decref(n);
      }
    }
  }

  void allocated(Frame f, Object obj, int position, boolean internal) {
    allocated(f, obj, position, internal, null);
  }

  void allocated(Frame f, Object obj, int position, boolean internal, ClassInfo type) {
    if (degraded(f)) {
      return; // as if made by code refshadow does not watch: adopted where it is met
    }
    if ((++allocationsSinceRelease & 255) == 0) {
      releaseReclaimed();
    }
    Node n = find(obj, type);
    if (n != null && n.has(Node.CONSTRUCTING)) {
      // its constructor handed it over (like a return value): now it is an allocation
      ThreadState ts = f != null ? f.thread : threadState();
      boolean handed = ts.pendingReturn == n;
      if (handed) {
        ts.pendingReturn = null;
      } else {
        n.refcount++;
      }
      finishConstruction(n, internal);
      if (f != null && f.active) {
        f.pushTemp(n, position);
      } else {
        releasePending(ts);
        ts.pendingReturn = n;
      }
      return;
    }
    if (n == null) {
      if (!sampled(obj)) {
        stats.unsampled++;
        return;
      }
      n = create(obj, type, internal ? Node.INTERNAL : 0);
    } else if (n.has(Node.ADOPTED) && !n.has(Node.IMMORTAL)) {
      // Seen inside its own constructor (stores to `this`): now its lifetime is exact.
      n.flags &= ~(Node.ADOPTED | Node.FOREIGN);
      stats.adopted--;
      if (n.type.del != null) {
        setStrong(n, obj);
      }
      if (n.has(Node.EXTERNAL)) {
        n.flags &= ~Node.EXTERNAL;
        n.refcount--;
      }
      if (n.has(Node.TRACKED)) {
        gc.untrack(n); // tracked again below, now as an allocation that counts toward gen 0
      }
    } else {
      return; // allocated twice (for example a constructor chain): already registered
    }
    if (n.has(Node.IMMORTAL)) {
      stats.immortals++;
      return;
    }
    stats.allocations++;
    if (internal) {
      stats.internalAllocations++;
    }
    if (f != null && f.active) {
      n.refcount++;
      f.pushTemp(n, position);
    } else {
      // allocated by instrumented code outside any frame we know: hand it to whoever takes it
      ThreadState ts = threadState();
      releasePending(ts);
      n.refcount++;
      ts.pendingReturn = n;
    }
    listener.onAllocation(n);
    if (n.type.tracked) {
      gc.trackAllocation(n);
    }
  }

  /**
   * A constructed object reaches its creator: from now on it counts as an allocation (toward
   * generation 0, and in the statistics), as CPython counts an object when it is created.
   */
  private void finishConstruction(Node n, boolean internal) {
    n.flags &= ~Node.CONSTRUCTING;
    if (n.has(Node.IMMORTAL)) {
      stats.immortals++;
      return;
    }
    if (internal) {
      n.flags |= Node.INTERNAL;
      stats.internalAllocations++;
    }
    stats.allocations++;
    listener.onAllocation(n);
    if (n.type.tracked && !n.has(Node.TRACKED)) {
      gc.trackAllocation(n);
    }
  }

  void result(Frame f, Object value, int position) {
    result(f, value, position, null);
  }

  void result(Frame f, Object value, int position, ClassInfo type) {
    if (f.degraded) {
      pin(value);
      return;
    }
    ThreadState ts = f.thread;
    Node pending = ts.pendingReturn;
    ts.pendingReturn = null;
    // The result's reference is taken before the call's arguments are released, as ceval's CALL
    // holds the callee's new reference while it decrefs the arguments: a call (into code we do not
    // watch) that returns one of its arguments must not free it on the way.
    Node n = null;
    if (value != null) {
      if (pending != null && pending.get() == value) {
        n = pending; // the callee's reference moves to our value stack
        pending = null;
        if (n.has(Node.CONSTRUCTING)) {
          finishConstruction(n, false); // made by reflection or a method handle
        }
      } else {
        n = find(value, type);
        if (n == null && sampled(value)) {
          n = adopt(value, type, false); // a fresh object from code we do not watch (assumed)
        }
        incref(n);
      }
    }
    releaseTempsFrom(f, position);
    decref(pending);
    if (n != null) {
      f.pushTemp(n, position);
    }
  }

  void called(Frame f, int position) {
    releasePending(f.thread);
    releaseTempsFrom(f, position);
  }

  void returnValue(Frame f, Object value) {
    returnValue(f, value, null);
  }

  void returnValue(Frame f, Object value, ClassInfo type) {
    if (f.degraded) {
      pin(value);
      exit(f);
      releasePending(f.thread);
      return;
    }
    Node n = null;
    if (value != null) {
      n = takeOrAdopt(f, value, type);
    }
    exit(f);
    ThreadState ts = f.thread;
    releasePending(ts);
    ts.pendingReturn = n;
  }

  /**
   * An exception leaves {@code f}: the frame's locals go as in {@link #exit(Frame, boolean)}, but
   * the exception, if the shadow knows it, moves to the caller as a returned value does (taken from
   * this frame's temporaries if it was made here), so that its fields keep their referents alive
   * until the handler that catches it stores it (the catch parameter) and lets it go. Without this,
   * {@code throw new E(payload)} would free the payload while the exception is still in flight. An
   * exception the shadow never saw (made by code it does not watch) is left alone, not adopted.
   */
  void unwind(Frame f, Object thrown) {
    Node n = thrown == null ? null : find(thrown);
    if (n != null && (n.has(Node.IMMORTAL) || n.has(Node.CONSTRUCTING))) {
      n = null;
    }
    if (n != null && !f.takeTemp(n)) {
      incref(n); // the reference in flight, besides any the frame's locals hold
    }
    exit(f, true);
    ThreadState ts = f.thread;
    releasePending(ts);
    ts.pendingReturn = n;
  }

  /**
   * Normal or exceptional exit: the frame's locals are released in slot order, then its remaining
   * temporaries (_PyFrame_ClearLocals). Frames above it that never reported their exit are popped
   * and released first.
   */
  void exit(Frame f) {
    exit(f, false);
  }

  void exit(Frame f, boolean unwinding) {
    if (!f.active) {
      return;
    }
    ThreadState ts = f.thread;
    while (ts.depth > f.depth + 1) {
      Frame above = ts.frames[ts.depth - 1];
      clearFrame(above, true);
      ts.depth--;
    }
    clearFrame(f, unwinding);
    if (ts.depth == f.depth + 1) {
      ts.depth = f.depth;
    }
  }

  private void clearFrame(Frame f, boolean unwinding) {
    f.active = false;
    Node built = null;
    if (f.constructor && f.localCount > 0 && f.locals[0] != null) {
      Node t = f.locals[0];
      if (t.has(Node.CONSTRUCTING)) {
        Frame caller = f.depth > 0 ? f.thread.frames[f.depth - 1] : null;
        if (caller != null && caller.active && caller.constructor && caller.inSuperCall) {
          // a super(...) or this(...) constructor: the object goes on being built by the caller,
          // whose local 0 it is (passing `this` before super returns is not possible in Java)
          caller.ensureLocal(0);
          if (caller.locals[0] == null) {
            caller.locals[0] = t;
            f.locals[0] = null;
          }
        } else if (!unwinding) {
          // the outermost constructor returns the object to its creator, like a return value
          built = t;
          f.locals[0] = null;
        }
      }
    }
    for (int i = 0; i < f.localCount; i++) {
      Node n = f.locals[i];
      if (n != null) {
        f.locals[i] = null;
        decref(n);
      }
    }
    f.localCount = 0;
    while (f.tempCount > 0) {
      Node n = f.temps[--f.tempCount];
      f.temps[f.tempCount] = null;
      decref(n);
    }
    if (built != null) {
      ThreadState ts = f.thread;
      releasePending(ts);
      ts.pendingReturn = built;
    }
  }

  private void releasePending(ThreadState ts) {
    Node p = ts.pendingReturn;
    if (p != null) {
      ts.pendingReturn = null;
      if (p.has(Node.CONSTRUCTING)) {
        // built by code we do not watch (reflection, a framework) and kept there: its lifetime
        // falls back to the JVM's, as for any object that escapes
        // already pinned in its constructor (`this` escaped): that external reference stands for
        // the unwatched creator's too, and the one handed over goes
        boolean pinned = p.has(Node.EXTERNAL);
        p.flags = (p.flags & ~Node.CONSTRUCTING) | Node.ADOPTED | Node.EXTERNAL | Node.FOREIGN;
        if (pinned) {
          decref(p);
        }
        stats.adopted++;
        if (p.type.tracked && !p.has(Node.TRACKED)) {
          gc.track(p);
        }
        return;
      }
      decref(p);
    }
  }

  /**
   * The node of the object a store writes into; null, with the stored value pinned, when the
   * store's frame is degraded or the object is outside the sample (what holds the value is not
   * mirrored, so the value must not be freed by the shadow).
   */
  private Node holderOrPin(Frame f, Object holder, ClassInfo holderType, Object value) {
    Node o = degraded(f) ? null : nodeOfStored(holder, holderType);
    if (o == null) {
      pin(value);
    }
    return o;
  }

  void putField(Frame f, Object owner, Object value, int fieldId) {
    putField(f, owner, null, value, null, fieldId);
  }

  void putField(
      Frame f, Object owner, ClassInfo ownerType, Object value, ClassInfo type, int fieldId) {
    Node o = holderOrPin(f, owner, ownerType, value);
    if (o == null) {
      return;
    }
    int slot = o.type.slotOf(fieldId);
    if (slot < 0) {
      stats.unknownFields++;
      return;
    }
    Node v = value == null ? null : takeOrAdopt(f, value, type);
    Node old = o.edges[slot];
    o.edges[slot] = v;
    decref(old);
  }

  /**
   * Sets the shadow's slots of {@code target} to the real values after a write the bytecode could
   * not see as a plain store (a {@code VarHandle} or {@code Unsafe} write): element {@code index}
   * of an array, or (when {@code index < 0}) each field whose value in {@code values} could be
   * read. A referent that loses its slot becomes a temporary of {@code f} at {@code position}
   * (released by the call's own result/called event), or is released at once without a frame.
   */
  void sync(Frame f, Object target, int index, Object[] values, int position) {
    if (degraded(f)) {
      pinWritten(target, index, values);
      return;
    }
    Node o = nodeOfStored(target);
    if (o == null) {
      pinWritten(target, index, values); // an object outside the sample holds it
      return;
    }
    if (o.has(Node.IMMORTAL)) {
      return;
    }
    if (index >= 0) {
      Object[] array = (Object[]) target;
      if (index >= array.length) {
        return;
      }
      ensureArraySlots(o, array.length);
      syncSlot(f, o, index, array[index], position);
      return;
    }
    int n = Math.min(values.length, o.edges.length);
    for (int i = 0; i < n; i++) {
      if (values[i] != ClassInfo.UNREADABLE) {
        syncSlot(f, o, i, values[i], position);
      }
    }
  }

  private void pinWritten(Object target, int index, Object[] values) {
    if (values != null) {
      for (Object v : values) {
        pin(v);
      }
    } else if (index >= 0 && index < ((Object[]) target).length) {
      pin(((Object[]) target)[index]);
    }
  }

  /** {@link #sync} for a static field written through a VarHandle. */
  void syncStatic(Frame f, int fieldId, Object real, int position) {
    if (degraded(f)) {
      pin(real);
      return;
    }
    if (fieldId >= statics.length) {
      statics = java.util.Arrays.copyOf(statics, Math.max(fieldId + 1, statics.length * 2));
    }
    Node cur = statics[fieldId];
    if (cur == null ? real == null : cur.get() == real) {
      return;
    }
    statics[fieldId] = real == null ? null : takeOrAdopt(f, real);
    releaseReplaced(f, cur, position);
  }

  private void syncSlot(Frame f, Node o, int slot, Object real, int position) {
    Node cur = o.edges[slot];
    if (cur == null ? real == null : cur.get() == real) {
      return;
    }
    o.edges[slot] = real == null ? null : takeOrAdopt(f, real);
    releaseReplaced(f, cur, position);
  }

  /**
   * A referent that a synced write replaced becomes a temporary of {@code f} at {@code position}
   * (the call's own result/called event releases it, after a getAndSet's result took its
   * reference), or is released at once without a frame.
   */
  private void releaseReplaced(Frame f, Node replaced, int position) {
    if (replaced == null) {
      return;
    }
    if (f != null && f.active) {
      f.pushTemp(replaced, position);
    } else {
      decref(replaced);
    }
  }

  void putStatic(Frame f, Object value, int fieldId) {
    putStatic(f, value, null, fieldId);
  }

  void putStatic(Frame f, Object value, ClassInfo type, int fieldId) {
    if (degraded(f)) {
      pin(value);
      return;
    }
    if (fieldId >= statics.length) {
      statics = java.util.Arrays.copyOf(statics, Math.max(fieldId + 1, statics.length * 2));
    }
    Node v = value == null ? null : takeOrAdopt(f, value, type);
    Node old = statics[fieldId];
    statics[fieldId] = v;
    decref(old);
  }

  void arrayStore(Frame f, Object[] array, int index, Object value) {
    arrayStore(f, array, null, index, value, null);
  }

  void arrayStore(
      Frame f, Object[] array, ClassInfo arrayType, int index, Object value, ClassInfo type) {
    Node o = holderOrPin(f, array, arrayType, value);
    if (o == null) {
      return;
    }
    ensureArraySlots(o, array.length);
    Node v = value == null ? null : takeOrAdopt(f, value, type);
    Node old = o.edges[index];
    o.edges[index] = v;
    decref(old);
  }

  /** Mirrors {@code System.arraycopy} after it succeeded (the real copy has been done). */
  void arraycopy(Frame f, Object src, int srcPos, Object dest, int destPos, int length) {
    if (!(dest instanceof Object[]) || length <= 0) {
      return;
    }
    if (degraded(f)) {
      pinElements(dest, destPos, length);
      return;
    }
    Node s = nodeOfStored(src);
    Node d = nodeOfStored(dest);
    if (d == null) {
      pinElements(dest, destPos, length); // an array outside the sample holds them
      return;
    }
    if (s == null) { // copied from an array outside the sample: what dest holds now, as a store
      Object[] a = (Object[]) dest;
      ensureArraySlots(d, a.length);
      for (int i = destPos; i < destPos + length && i < a.length; i++) {
        setEdge(d, i, a[i] == null ? null : nodeOfStored(a[i]));
      }
      return;
    }
    ensureArraySlots(s, java.lang.reflect.Array.getLength(src));
    ensureArraySlots(d, ((Object[]) dest).length);
    Node[] copy = java.util.Arrays.copyOfRange(s.edges, srcPos, srcPos + length);
    for (Node n : copy) {
      incref(n); // take the new references before dropping the old ones (overlapping copies)
    }
    Node[] old = java.util.Arrays.copyOfRange(d.edges, destPos, destPos + length);
    System.arraycopy(copy, 0, d.edges, destPos, length);
    // list_ass_slice drops the replaced items last to first (its `recycle` loop runs k = norig-1
    // down to 0), so `d[0:2] = b[0:2]` frees old d[1] before old d[0]
    for (int k = old.length - 1; k >= 0; k--) {
      decref(old[k]);
    }
  }

  /**
   * Mirrors a copy made by {@code clone()} or {@code Arrays.copyOf}: {@code copy} (already
   * registered as an allocation) refers to what {@code original} referred to, up to its length.
   */
  void copied(Object original, Object copy) {
    Node s = find(original);
    Node d = find(copy);
    if (s != null && d == null && sampling) {
      pinEdges(s); // a copy outside the sample holds the same references
      return;
    }
    if (s == null || d == null || s == d) {
      return;
    }
    if (d.type.isArray) {
      ensureArraySlots(d, java.lang.reflect.Array.getLength(copy));
    }
    int n = Math.min(s.edges.length, d.edges.length);
    if (s.type != d.type && !s.type.isArray) {
      return; // different layouts: fields are reported by later stores
    }
    for (int i = 0; i < n; i++) {
      setEdge(d, i, s.edges[i]);
    }
  }

  /**
   * A function object made by invokedynamic. With captured references it is a new allocation whose
   * edges are its captured values (read once, here, where they are known); without, a constant.
   */
  void lambda(Frame f, Object fn, int position) {
    ClassInfo type = ClassInfo.of(fn.getClass());
    if (f.degraded) {
      pin(fn);
      for (Object c : type.capturedValues(fn)) {
        pin(c);
      }
      return;
    }
    if (type.fieldIds.length == 0) {
      result(f, fn, position); // non-capturing: a shared constant, adopted as immortal
      return;
    }
    Node n = find(fn);
    if (n == null && !sampled(fn)) {
      for (Object c : type.capturedValues(fn)) {
        pin(c); // a function object outside the sample holds them
      }
      releaseTempsFrom(f, position);
      releasePending(f.thread);
      return;
    }
    boolean created = n == null;
    if (created) {
      n = create(fn, 0);
      stats.allocations++;
      Object[] captured = type.capturedValues(fn);
      for (int i = 0; i < captured.length && i < n.edges.length; i++) {
        if (captured[i] != null) {
          Node c = nodeOfStored(captured[i]);
          incref(c);
          n.edges[i] = c;
        }
      }
      n.refcount++;
    } else {
      incref(n);
    }
    // The captured values are referenced before the temporaries they came from are released: a
    // method reference bound to a temporary (make()::run) keeps its receiver, as a bound method
    // holds its object before the value stack lets go of it.
    releaseTempsFrom(f, position);
    releasePending(f.thread);
    f.pushTemp(n, position);
    if (created) {
      listener.onAllocation(n);
      gc.trackAllocation(n);
    }
  }

  /**
   * A new array copied from {@code original} starting at {@code from} (Arrays.copyOf, clone): an
   * allocation handed to the caller, holding the same references.
   */
  void newCopy(Frame f, Object original, int from, Object copy, boolean internal) {
    if (degraded(f)) {
      pinElements(copy, 0, java.lang.reflect.Array.getLength(copy));
      return;
    }
    if (!sampled(copy)) {
      stats.unsampled++;
      pinElements(copy, 0, java.lang.reflect.Array.getLength(copy)); // a copy outside the sample
      return;
    }
    Node n = create(copy, internal ? Node.INTERNAL : 0);
    stats.allocations++;
    Node s = original == null ? null : find(original);
    if (s != null && n.edges.length > 0) {
      for (int i = 0; i < n.edges.length && from + i < s.edges.length; i++) {
        Node e = s.edges[from + i];
        if (e != null) {
          incref(e);
          n.edges[i] = e;
        }
      }
    }
    n.refcount++;
    handToCaller(n);
    listener.onAllocation(n);
    if (n.type.tracked) {
      gc.trackAllocation(n);
    }
  }

  /** super.clone() made {@code copy} of {@code original}: same class, same references. */
  void clonedObject(Object original, Object copy) {
    Node d = find(copy);
    if (d == null && sampling) {
      Node s = find(original);
      if (s != null) {
        pinEdges(s); // a clone outside the sample holds the same references
      }
      return;
    }
    if (d == null || !d.has(Node.ADOPTED) || d.has(Node.IMMORTAL)) {
      return;
    }
    d.flags &= ~Node.ADOPTED;
    stats.adopted--;
    stats.allocations++;
    if (d.has(Node.TRACKED)) {
      gc.untrack(d);
    }
    Node s = find(original);
    if (s != null && s.type == d.type) {
      for (int i = 0; i < d.edges.length; i++) {
        setEdge(d, i, s.edges[i]);
      }
    }
    listener.onAllocation(d);
    if (d.type.tracked) {
      gc.trackAllocation(d);
    }
  }

  /** {@link #pin}s elements {@code from..from+length-1} of a reference array (else nothing). */
  private void pinElements(Object array, int from, int length) {
    if (array instanceof Object[]) {
      Object[] a = (Object[]) array;
      for (int i = Math.max(0, from); i < a.length && i < from + length; i++) {
        pin(a[i]);
      }
    }
  }

  /** A reference passed to code refshadow does not watch: pins the object (DESIGN.md, opaque). */
  void escape(Object value) {
    pinNode(nodeOfStored(value));
  }

  private void pinEdges(Node s) {
    for (Node e : s.edges) {
      pinNode(e);
    }
  }

  private void pinNode(Node n) {
    if (n != null && !n.has(Node.EXTERNAL) && !n.has(Node.IMMORTAL)) {
      n.flags |= Node.EXTERNAL | Node.PINNED;
      n.refcount++;
      stats.pinned++;
      if (!n.has(Node.ADOPTED) && !n.has(Node.INTERNAL)) {
        stats.pinnedAllocated++;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries used by the public API (lock held by the caller).

  /**
   * sys.getrefcount: the object's references plus the one its argument holds, unless the argument
   * is a temporary of the calling frame, which is that very reference.
   */
  long getRefcount(Object obj) {
    Node n = find(obj);
    if (n == null) {
      return 1 + 1; // an object the shadow never saw: some unseen holder plus the argument
    }
    if (n.has(Node.IMMORTAL)) {
      return 4294967295L; // CPython 3.12's _Py_IMMORTAL_REFCNT on 64-bit builds
    }
    ThreadState ts = threadState();
    Frame top = ts.top();
    boolean argIsTemp = top != null && top.holdsTemp(n);
    return n.refcount + (argIsTemp ? 0 : 1);
  }

  long sizeOf(Object obj) {
    try {
      return sizer.applyAsLong(obj);
    } catch (RuntimeException e) {
      return estimateSize(obj);
    }
  }

  /** A rough shallow size used when no {@code Instrumentation} is available. */
  static long estimateSize(Object obj) {
    Class<?> c = obj.getClass();
    if (c.isArray()) {
      int len = java.lang.reflect.Array.getLength(obj);
      int elem = c.getComponentType().isPrimitive() ? 4 : 4;
      if (c == long[].class || c == double[].class) {
        elem = 8;
      } else if (c == byte[].class || c == boolean[].class) {
        elem = 1;
      } else if (c == char[].class || c == short[].class) {
        elem = 2;
      }
      return align(16 + (long) len * elem);
    }
    return align(12 + 4L * (ClassInfo.of(c).fieldIds.length + 1));
  }

  private static long align(long n) {
    return (n + 7) & ~7L;
  }

  /** Every node that is a root: frame locals and temporaries, statics, pending returns. */
  void forEachRootReference(java.util.function.Consumer<Node> visit) {
    forEachRoot((node, kind, thread, depth, index) -> visit.accept(node));
  }

  /**
   * Every root reference, each with where it is held, for reports that explain why an object is
   * alive (the JUnit extension's reference chains). Call with the lock held.
   */
  public void forEachRoot(RootVisitor visit) {
    for (ThreadState ts : allThreads) {
      if (ts.pendingReturn != null) {
        visit.root(ts.pendingReturn, RootVisitor.Kind.RETURN_VALUE, ts.thread, ts.depth, 0);
      }
      for (int d = 0; d < ts.depth; d++) {
        Frame f = ts.frames[d];
        for (int i = 0; i < f.localCount; i++) {
          if (f.locals[i] != null) {
            visit.root(f.locals[i], RootVisitor.Kind.LOCAL, ts.thread, d, i);
          }
        }
        for (int i = 0; i < f.tempCount; i++) {
          visit.root(f.temps[i], RootVisitor.Kind.TEMPORARY, ts.thread, d, i);
        }
      }
    }
    for (int id = 0; id < statics.length; id++) {
      if (statics[id] != null) {
        visit.root(statics[id], RootVisitor.Kind.STATIC_FIELD, null, -1, id);
      }
    }
    for (int i = 0; i < garbage.size(); i++) {
      visit.root(garbage.get(i), RootVisitor.Kind.GC_GARBAGE, null, -1, i);
    }
  }

  /** The node of {@code obj} (for tests and the API), or null. */
  public Node nodeOf(Object obj) {
    lock();
    try {
      return find(obj);
    } finally {
      unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Test and diagnostic accessors: read-only copies of the shadow, taken under the lock. Nothing
  // instrumented code or the public API does goes through them.

  /**
   * Diagnostic: the objects of every live node the identity table can still find (those whose real
   * object the JVM has not reclaimed), immortals and adopted objects included; not those whose node
   * sits in an injected field ({@link NodeField}: instances of classes the agent instrumented
   * outside the JDK), which only the graph (generations, roots, edges) reaches.
   */
  public List<Object> liveObjects() {
    lock();
    try {
      List<Object> out = new ArrayList<>();
      table.forEach(
          n -> {
            Object o = n.get();
            if (o != null) {
              out.add(o);
            }
          });
      return out;
    } finally {
      unlock();
    }
  }

  /**
   * Diagnostic: what the shadow says {@code obj} refers to, edge slot by edge slot (an instance's
   * reference fields, its own class's first, in declaration order; an array's elements by index),
   * null for an empty slot; or null if the shadow has no live node for {@code obj}.
   */
  public Object[] edgesOf(Object obj) {
    lock();
    try {
      Node n = find(obj);
      if (n == null) {
        return null;
      }
      Object[] out = new Object[n.edges.length];
      for (int i = 0; i < out.length; i++) {
        Node e = n.edges[i];
        out[i] = e == null ? null : e.get();
      }
      return out;
    } finally {
      unlock();
    }
  }
}
