package io.refshadow.heap;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.fn;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.refshadow.Del;
import io.refshadow.Hooks;
import io.refshadow.Weakref;
import io.refshadow.twin.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Several threads running instrumented code against one shadow heap: the heap's lock must lose no
 * reference count, and user code the heap runs (finalizers, weakref callbacks) must not deadlock
 * with threads that wait for the heap.
 */
class ConcurrencyTest extends InstalledHeap {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int THREADS = 4;

  /** Runs {@code body(t)} on {@link #THREADS} threads, started together; rethrows any failure. */
  private static void onThreads(IntConsumer body) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  body.accept(id);
                } catch (Throwable e) {
                  failures.add(e);
                }
              },
              "refshadow-test-" + t);
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("a thread failed", failures.get(0));
    }
  }

  /** Refcount expected from the real program state: items of {@code arrays} + fields of nodes. */
  private static Map<Object, Integer> referencesFrom(List<Object[]> arrays, Iterable<Node> nodes) {
    Map<Object, Integer> m = new IdentityHashMap<>();
    for (Object[] a : arrays) {
      for (Object o : a) {
        if (o != null) {
          m.merge(o, 1, Integer::sum);
        }
      }
    }
    for (Node n : nodes) {
      for (Object o : new Object[] {n.ref, n.ref2}) {
        if (o != null) {
          m.merge(o, 1, Integer::sum);
        }
      }
    }
    return m;
  }

  @Test
  void threadsStoringIntoSharedArraysLoseNoReferenceCounts() throws Exception {
    int rounds = 20_000;
    Frame main = enter(4);
    Object[] shared = local(alloc(new Object[256], main, 0), main, 0);
    line(main);
    Object[] pool = local(alloc(new Object[8], main, 0), main, 1); // objects every thread shares
    line(main);
    for (int i = 0; i < pool.length; i++) {
      arrayStore(pool, i, alloc(new Node(), main, 2), main);
      line(main);
    }
    List<List<Node>> made = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      made.add(new ArrayList<>());
    }

    assertTimeoutPreemptively(
        TIMEOUT,
        () ->
            onThreads(
                t -> {
                  Frame f = enter(2);
                  for (int i = 0; i < rounds; i++) {
                    // n = Node(); n.ref = pool[i % 8]; shared[slot] = n, in this thread's stripe
                    Node n = local(alloc(new Node(), f, 0), f, 0);
                    line(f);
                    made.get(t).add(n);
                    putField(n, n.ref = pool[i % pool.length], Node.REF, f);
                    line(f);
                    int slot = (i * THREADS + t) % shared.length;
                    arrayStore(shared, slot, i % 5 == 0 ? pool[(i + t) % pool.length] : n, f);
                    line(f);
                  }
                  exit(f);
                }));

    List<Node> all = new ArrayList<>();
    made.forEach(all::addAll);
    List<Node> live = new ArrayList<>();
    for (Node n : all) {
      if (heap.nodeOf(n) != null) {
        live.add(n);
      }
    }
    Map<Object, Integer> expected = referencesFrom(List.of(shared, pool), live);
    for (Node n : all) {
      int references = expected.getOrDefault(n, 0);
      if (references == 0) {
        assertThat(heap.nodeOf(n)).as("a node no slot holds any more is freed").isNull();
      } else {
        assertThat(heap.nodeOf(n).refcount())
            .as("refcount of a node in the shared array")
            .isEqualTo(references);
      }
    }
    for (Object p : pool) {
      assertThat(heap.nodeOf(p).refcount())
          .as("refcount of a pooled node")
          .isEqualTo(expected.get(p));
    }
    assertThat(heap.edgesOf(shared)).containsExactly(shared);
    assertThat(heap.stats().invariantViolations).isZero();
    assertThat(heap.stats().allocations - heap.stats().freedByRefcount - heap.stats().freedByCycles)
        .as("objects still alive")
        .isEqualTo(live.size() + pool.length + 2);
    exit(main);
  }

  /**
   * Two threads store into the same slot with no program-level lock (a benign race such as a
   * cache): whatever order the stores land in, the shadow must end up holding what the array holds.
   * The interleaving that would separate them is forced: thread A's store reaches the heap while
   * the heap is busy with this thread, which meanwhile stores into the same slot itself.
   */
  @Test
  void racingStoresToOneSlotLeaveTheShadowEqualToTheArray() throws Exception {
    Frame main = enter(3);
    Object[] shared = local(alloc(new Object[1], main, 0), main, 0);
    line(main);
    Node a = local(alloc(new Node(), main, 0), main, 1);
    line(main);
    Node b = local(alloc(new Node(), main, 0), main, 2);
    line(main);
    assertTimeoutPreemptively(
        TIMEOUT,
        () -> {
          CountDownLatch entered = new CountDownLatch(1);
          AtomicInteger go = new AtomicInteger();
          Thread storeA =
              new Thread(
                  () -> {
                    Frame f = enter(1);
                    entered.countDown();
                    while (go.get() == 0) {
                      Thread.onSpinWait(); // runnable, never waiting, until told to store
                    }
                    arrayStore(shared, 0, a, f); // shared[0] = a
                    exit(f);
                  });
          storeA.start();
          entered.await();
          heap.lock(); // the heap is busy: thread A's store will have to wait for it
          try {
            go.set(1);
            // until A waits for the heap inside its store (in timed slices: see lockUnlessOrphaned)
            while (storeA.getState() != Thread.State.WAITING
                && storeA.getState() != Thread.State.TIMED_WAITING) {
              Thread.onSpinWait();
            }
            arrayStore(shared, 0, b, main); // shared[0] = b, on this thread, meanwhile
          } finally {
            heap.unlock();
          }
          storeA.join();
        });
    assertThat(heap.edgesOf(shared)).as("the shadow's item").containsExactly(shared[0]);
    Node other = shared[0] == a ? b : a;
    assertThat(heap.nodeOf(shared[0]).refcount())
        .as("the stored node: a local and the item")
        .isEqualTo(2);
    assertThat(heap.nodeOf(other).refcount()).as("the overwritten node: a local").isEqualTo(1);
    exit(main);
  }

  /**
   * A thread that ends while holding the heap's lock (a refshadow bug, never the program's doing)
   * must not stop every other thread at its next hook: the next hook gives up waiting once it sees
   * the holder is dead, mirroring stops, and the program's own stores still happen.
   */
  @Test
  void aLockLeftHeldByADeadThreadStopsMirroringInsteadOfHangingTheProgram() throws Exception {
    Thread leaker = new Thread(heap::lock, "leaker");
    leaker.start();
    leaker.join();
    Object[] array = new Object[1];
    Node value = new Node();
    assertTimeoutPreemptively(
        TIMEOUT,
        () -> {
          Frame f = enter(1);
          arrayStore(array, 0, value, f);
          exit(f);
        });
    assertThat(array[0]).as("the program's own store is made").isSameAs(value);
    assertThat(heap.isStopped()).as("mirroring stopped").isTrue();
    assertThat(heap.stopReason()).as("for the summary").contains("ended holding");
  }

  /**
   * An OutOfMemoryError inside a hook stops mirroring for good; the shadow then gives its memory
   * back to the program (it lives in the same JVM heap): no node stays in the identity table, the
   * generations, a frame or a static, so that the program gets the room back, and the error,
   * refshadow's own allocation failing, does not reach the program.
   */
  @Test
  void anOutOfMemoryErrorInsideAHookReleasesTheWholeShadow() {
    Frame main = enter(2);
    Object[] kept = thousandNodesHeldIn(main);
    assertThat(heap.shadowBytes()).as("a thousand nodes and their array").isPositive();
    // refshadow's own allocation failed: with the shadow given back, the program goes on without
    // the error, as it would have run without the agent
    org.assertj.core.api.Assertions.assertThatCode(
            () -> Failures.report("test", new OutOfMemoryError("simulated")))
        .doesNotThrowAnyException();
    assertThat(heap.isStopped()).isTrue();
    assertThat(heap.shadowBytes())
        .as("nothing left in the shadow but its emptied table")
        .isLessThan(1024);
    assertThat(heap.nodeOf(kept)).isNull();
    assertThat(heap.nodeOf(kept[0])).isNull();
    assertThat(HeapInspector.trackedObjects(heap)).isEmpty();
    assertThat(main.localCount).as("the frame holds no node").isZero();
    exit(main); // a hook after the stop does nothing, and fails nothing
  }

  /** Past the first, nothing more is released, so the error goes on as the program's own. */
  @Test
  void aSecondOutOfMemoryErrorInsideAHookGoesOnToTheProgram() {
    Failures.report("test", new OutOfMemoryError("first: the shadow is released"));
    assertThat(heap.isStopped()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Failures.report("test", new OutOfMemoryError("second")))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("second");
  }

  /**
   * A listener that runs out of memory at its first free (the heap's own work, under the lock) and
   * reports it, as refshadow's own listeners do.
   */
  private static final class FailingListener implements HeapListener {
    int failures;

    @Override
    public void onFree(io.refshadow.heap.Node node, boolean byCycleDetector, Object object) {
      if (failures++ == 0) {
        try {
          throw new OutOfMemoryError("simulated, in a listener");
        } catch (Throwable t) {
          Failures.report("test listener", t); // as the agent's listeners report
        }
      }
    }
  }

  /**
   * Out of memory inside the heap's own work under an array store (a listener, called with the
   * hook's lock held): the program's store is made, no error reaches it, the hook lets go of the
   * lock, and the shadow is released. Before, the report let go of the lock under the hook, whose
   * finally then threw IllegalMonitorStateException into the program.
   */
  @Test
  void anOutOfMemoryErrorUnderAnArrayStoreNeverReachesTheProgram() throws Exception {
    Frame main = enter(2);
    Object[] kept = thousandNodesHeldIn(main);
    heap.addListener(new FailingListener());
    Object replacement = new Object();
    org.assertj.core.api.Assertions.assertThatCode(
            () -> arrayStore(kept, 0, replacement, main)) // frees the old kept[0]
        .doesNotThrowAnyException();
    assertThat(kept[0]).as("the program's own store is made").isSameAs(replacement);
    assertThat(heap.lockHeldByCurrentThread()).as("the hook let go of the lock").isFalse();
    assertThat(heap.isReleased()).as("the hook's report released the shadow").isTrue();
    assertThat(heap.nodeOf(kept)).isNull();
    AtomicInteger took = new AtomicInteger();
    Thread other =
        new Thread(
            () -> {
              if (heap.tryLock(1000)) {
                took.set(1);
                heap.unlock();
              }
            });
    other.start();
    other.join();
    assertThat(took).as("another thread can take the lock").hasValue(1);
    exit(main);
  }

  /**
   * Out of memory in a listener under an API call ({@code Gc.collect()}): the error goes on to the
   * caller with the lock let go by the call itself (before, the caller got an
   * IllegalMonitorStateException), mirroring stops, and the next hook releases the shadow.
   */
  @Test
  void anOutOfMemoryErrorInsideAnApiCallStopsMirroringAndTheNextHookReleases() {
    Frame main = enter(2);
    Node a = local(alloc(new Node(), main, 0), main, 0);
    line(main);
    Node b = local(alloc(new Node(), main, 0), main, 1);
    line(main);
    a.ref = b;
    putField(a, b, Node.REF, main);
    b.ref = a;
    putField(b, a, Node.REF, main);
    Hooks.storeLocal(null, main, 0);
    Hooks.storeLocal(null, main, 1); // a ring that only the collector frees
    heap.addListener(new FailingListener());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PyApi.collect(2))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(heap.lockHeldByCurrentThread()).as("the call let go of the lock").isFalse();
    assertThat(heap.isStopped()).as("mirroring stopped").isTrue();
    assertThat(heap.isReleased()).as("not under the call").isFalse();
    alloc(new Node(), main, 0); // the next hook
    assertThat(heap.isReleased()).isTrue();
    exit(main);
  }

  /**
   * Out of memory in a hook of a finalizer: the heap work that runs the finalizer (a dealloc) waits
   * for it with the lock let go, and goes on with its structures after it returns, so the shadow is
   * not released under it; mirroring stops, and the first hook after it releases the shadow.
   */
  @Test
  void anOutOfMemoryErrorInAFinalizersHookReleasesOnlyOnceTheHeapWorkGoesOn() {
    Frame main = enter(2);
    thousandNodesHeldIn(main);
    ReleasedInDel.releasedInside = null;
    local(alloc(new ReleasedInDel(), main, 0), main, 1);
    line(main);
    org.assertj.core.api.Assertions.assertThatCode(() -> Hooks.storeLocal(null, main, 1))
        .as("the finalizer runs, and nothing reaches the program")
        .doesNotThrowAnyException();
    assertThat(ReleasedInDel.releasedInside)
        .as("the finalizer ran, the shadow not released")
        .isFalse();
    assertThat(heap.isStopped()).isTrue();
    alloc(new Node(), main, 0); // the next hook
    assertThat(heap.isReleased()).isTrue();
    assertThat(HeapInspector.trackedObjects(heap)).isEmpty();
    exit(main);
  }

  /** Its finalizer's hook runs out of memory (simulated: the report a hook makes). */
  static final class ReleasedInDel {
    static volatile Boolean releasedInside;

    @Del
    void del() {
      Failures.report("a hook in a finalizer", new OutOfMemoryError("simulated, in a finalizer"));
      releasedInside = ShadowHeap.active.isReleased();
    }
  }

  /** A stack overflow inside a hook is the program's runaway recursion: it goes on to it. */
  @Test
  void aStackOverflowErrorInsideAHookGoesOnToTheProgram() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Failures.report("test", new StackOverflowError("deep")))
        .isInstanceOf(StackOverflowError.class);
    assertThat(heap.isStopped()).as("a stack overflow does not stop mirroring").isFalse();
  }

  /**
   * The heap guard's call (from the JVM's notification thread): mirroring stops at once, and the
   * next hook a thread reaches holding nothing releases the whole shadow and warns, once.
   */
  @Test
  void underMemoryPressureTheNextHookReleasesTheWholeShadow() {
    Frame main = enter(2);
    Object[] kept = thousandNodesHeldIn(main);
    long before = heap.shadowBytes();
    assertThat(before).as("a thousand nodes, their edges and the table").isGreaterThan(96_000);
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true));
    try {
      heap.releaseUnderPressure("the heap was 90% full (a test)");
      assertThat(heap.isStopped()).isTrue();
      assertThat(heap.nodeOf(kept)).as("released by the next hook, not the guard").isNotNull();
      alloc(new Node(), main, 1); // the next hook
      alloc(new Node(), main, 1); // and one more: nothing more to release
    } finally {
      System.setErr(saved);
    }
    assertThat(heap.shadowBytes()).as("only the emptied table").isLessThan(1024);
    assertThat(heap.nodeOf(kept)).isNull();
    assertThat(HeapInspector.trackedObjects(heap)).isEmpty();
    assertThat(heap.stopReason()).contains("heap was nearly full");
    assertThat(err.toString().lines())
        .as("one warning")
        .containsExactly(
            "refshadow: the heap was 90% full (a test); mirroring stops here and the shadow heap"
                + " (about "
                + (before >> 20)
                + " MB) goes back to the program, which runs on unwatched. Give the JVM more heap"
                + " (-Xmx), lower maxShadowMemory, narrow include=, or sample with mirror=1/16.");
    exit(main);
  }

  /**
   * A shadow already stopped at its budget keeps what it mirrored until then: under memory pressure
   * it is released all the same.
   */
  @Test
  void aShadowStoppedAtItsBudgetIsReleasedUnderMemoryPressureToo() {
    heap.setMemoryBudget(50_000);
    Frame main = enter(2);
    Object[] kept = local(alloc(new Object[4096], main, 0), main, 0);
    line(main);
    for (int i = 0; i < kept.length && !heap.isStopped(); i++) {
      kept[i] = alloc(new Node(), main, 0);
      arrayStore(kept, i, kept[i], main);
      line(main);
    }
    assertThat(heap.isStopped()).as("stopped at the budget").isTrue();
    assertThat(heap.nodeOf(kept)).as("what was mirrored stays").isNotNull();
    heap.releaseUnderPressure("the heap was 90% full (a test)");
    alloc(new Node(), main, 1); // the next hook
    assertThat(heap.isReleased()).isTrue();
    assertThat(heap.nodeOf(kept)).isNull();
    assertThat(heap.shadowBytes()).as("only the emptied table").isLessThan(1024);
    exit(main);
  }

  /**
   * What the shadow held strongly for user code (objects with a finalizer to run, objects with weak
   * references to answer: Session 18 moved both into a side table) is let go with the rest of the
   * shadow: once the program drops them, the JVM reclaims them.
   */
  @Test
  void releasingTheShadowLetsGoOfWhatItHeldForFinalizersAndWeakReferences() throws Exception {
    Frame main = enter(3);
    Object[] kept = local(alloc(new Object[64], main, 0), main, 0);
    line(main);
    List<java.lang.ref.WeakReference<Object>> watched = new ArrayList<>();
    List<Weakref<Node>> pythonRefs = new ArrayList<>();
    for (int i = 0; i < kept.length; i++) {
      Object o = i % 2 == 0 ? new Quiet() : new Node();
      arrayStore(kept, i, alloc(o, main, 1), main);
      line(main);
      if (o instanceof Node) {
        pythonRefs.add(local(res(Weakref.ref((Node) o), main, 1), main, 2));
        line(main);
      }
      watched.add(new java.lang.ref.WeakReference<>(o));
    }
    assertThat(heap.nodeOf(kept[1])).isNotNull();
    heap.releaseUnderPressure("the heap was 90% full (a test)");
    alloc(new Node(), main, 1); // the next hook releases it
    assertThat(heap.isReleased()).isTrue();
    assertThat(pythonRefs).hasSize(32);
    // the program drops them, and the weak references (which hold their referent for get());
    // no hooks run any more
    java.util.Arrays.fill(kept, null);
    pythonRefs.clear();
    for (int i = 0; i < 50 && watched.stream().anyMatch(w -> w.get() != null); i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(watched.stream().filter(w -> w.get() != null).count())
        .as("objects the released shadow still keeps alive")
        .isZero();
    exit(main);
  }

  /** Its finalizer does nothing: the shadow holds the object strongly until it runs. */
  static final class Quiet {
    @Del
    void del() {}
  }

  /**
   * The heap guard is asked from the program's own hooks, every 16,384 method entries and
   * allocations on a thread (an array counting by its size), outside the lock; when it answers a
   * warning, the shadow is released at once. A guard that fails is not asked again.
   */
  @Test
  void theHeapGuardIsAskedFromTheHooksAndItsWarningReleasesTheShadow() {
    Frame main = enter(2);
    Object[] kept = thousandNodesHeldIn(main);
    AtomicInteger asked = new AtomicInteger();
    List<Boolean> lockHeld = Collections.synchronizedList(new ArrayList<>());
    heap.setPressureCheck(
        () -> {
          lockHeld.add(heap.lockHeldByCurrentThread());
          return asked.incrementAndGet() < 3 ? null : "the heap was 90% full (a test)";
        });
    for (int i = 0; i < 3 * 16_384 && !heap.isReleased(); i++) {
      exit(enter(1));
    }
    assertThat(asked).as("asked once per 16,384 entries until it warned").hasValue(3);
    assertThat(lockHeld).as("never under the heap's lock").containsOnly(false);
    assertThat(heap.isReleased()).isTrue();
    assertThat(heap.nodeOf(kept)).isNull();
    assertThat(heap.stopReason()).contains("heap was nearly full");
    exit(main);
  }

  /** A large array counts by its size: a few of them reach the guard without 16,384 allocations. */
  @Test
  void largeArraysReachTheHeapGuardByTheirSize() {
    Frame main = enter(1);
    AtomicInteger asked = countingQuietGuard();
    for (int i = 0; i < 4; i++) {
      alloc(new byte[1 << 18], main, 0); // 16,385 ticks each
      line(main);
    }
    assertThat(asked.get()).as("a quarter-megabyte array is a poll").isGreaterThanOrEqualTo(3);
    exit(main);
  }

  /**
   * The guard runs JDK code, so a thread inside the JDK's instrumented collections is not asked
   * there (java.lang.invoke builds a species with List.copyOf while it holds a reservation the
   * guard's own use of java.lang.invoke would take: InternalError "Concurrent loadSpecies"): it is
   * asked at its next hook in the program's own code.
   */
  @Test
  void theHeapGuardIsNotAskedFromInsideTheJdksCollections() {
    int jdkClass = Hooks.classId("java.util.GuardPollTestCollection");
    Frame main = enter(1);
    AtomicInteger asked = countingQuietGuard();
    Frame jdk = Hooks.enter(jdkClass, 1);
    for (int i = 0; i < 2 * 16_384; i++) {
      exit(Hooks.enter(jdkClass, 1));
      Hooks.allocatedInternal(new Object(), jdk, 0);
    }
    Hooks.allocatedInternal(new byte[1 << 18], jdk, 0); // 16,385 ticks
    assertThat(asked).as("never from the JDK's collections").hasValue(0);
    exit(jdk);
    alloc(new Node(), main, 0); // the program's next hook
    assertThat(asked).as("asked at the program's next hook").hasValue(1);
    line(main);
    exit(main);
  }

  /** A guard that throws is dropped: not asked again, and the program's hooks go on. */
  @Test
  void aFailingHeapGuardIsDroppedAndTheProgramRunsOn() {
    AtomicInteger asked = new AtomicInteger();
    heap.setPressureCheck(
        () -> {
          asked.incrementAndGet();
          throw new IllegalStateException("no management API (a test)");
        });
    for (int i = 0; i < 3 * 16_384; i++) {
      exit(enter(1));
    }
    assertThat(asked).hasValue(1);
    assertThat(heap.isStopped()).as("mirroring goes on").isFalse();
  }

  /** Installs a heap guard that never warns; returns how often it is asked. */
  private AtomicInteger countingQuietGuard() {
    AtomicInteger asked = new AtomicInteger();
    heap.setPressureCheck(
        () -> {
          asked.incrementAndGet();
          return null;
        });
    return asked;
  }

  /** An array of a thousand objects, all mirrored, held in local 0 of {@code main}. */
  private static Object[] thousandNodesHeldIn(Frame main) {
    Object[] kept = local(alloc(new Object[1000], main, 0), main, 0);
    line(main);
    for (int i = 0; i < kept.length; i++) {
      kept[i] = alloc(new Node(), main, 0);
      arrayStore(kept, i, kept[i], main);
      line(main);
    }
    return kept;
  }

  /** A finalizer that stores references: into the shared registry, under its monitor. */
  static final class Registered {
    static Object[] registry;
    static final AtomicInteger FINALIZED = new AtomicInteger();
    final int id;

    Registered(int id) {
      this.id = id;
    }

    @Del
    void del() {
      Frame f = enter(2);
      arg(this, f, 0);
      synchronized (registry) { // as a program guards a shared list
        arrayStore(registry, id % registry.length, alloc(new Node(), f, 2), f);
        line(f);
      }
      FINALIZED.incrementAndGet();
      exit(f);
    }
  }

  /**
   * Thread A drops the last reference to a finalizable object; its finalizer waits for the
   * registry's monitor, which thread B holds while it stores into the registry through a hook. In
   * CPython the finalizer's wait releases the GIL; here the finalizer must not hold the heap while
   * it waits, or A and B wait for each other forever.
   */
  @Test
  void finalizerWaitingForAMonitorDoesNotDeadlockWithAThreadInsideIt() throws Exception {
    int rounds = 2_000;
    Frame main = enter(1);
    Registered.registry = local(alloc(new Object[16], main, 0), main, 0);
    line(main);
    Registered.FINALIZED.set(0);
    assertTimeoutPreemptively(
        TIMEOUT,
        () ->
            onThreads(
                t -> {
                  Frame f = enter(1);
                  for (int i = 0; i < rounds; i++) {
                    if (t % 2 == 0) {
                      // x = Registered(i); x = None: the finalizer runs on this thread
                      local(alloc(new Registered(i), f, 0), f, 0);
                      line(f);
                      local(null, f, 0);
                      line(f);
                    } else {
                      synchronized (Registered.registry) {
                        arrayStore(Registered.registry, i % 16, alloc(new Node(), f, 2), f);
                        line(f);
                      }
                    }
                  }
                  exit(f);
                }));
    assertThat(Registered.FINALIZED.get()).isEqualTo(rounds * THREADS / 2);
    assertThat(heap.edgesOf(Registered.registry)).containsExactly(Registered.registry);
    for (Object o : Registered.registry) {
      assertThat(heap.nodeOf(o).refcount()).isEqualTo(1);
    }
    exit(main);
  }

  /** The shared list the weakref callbacks store into. */
  static Object[] sink;

  /** {@code def cb(r): sink[hash(r) % 8] = Node()}: a callback that stores references. */
  static void storingCallback(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    synchronized (sink) {
      arrayStore(
          sink,
          (System.identityHashCode(r) & 0x7fffffff) % sink.length,
          alloc(new Node(), f, 2),
          f);
      line(f);
    }
    exit(f);
  }

  @Test
  void weakrefCallbacksThatStoreReferencesDoNotDeadlock() throws Exception {
    int rounds = 2_000;
    Frame main = enter(1);
    sink = local(alloc(new Object[8], main, 0), main, 0);
    line(main);
    AtomicInteger callbacks = new AtomicInteger();
    assertTimeoutPreemptively(
        TIMEOUT,
        () ->
            onThreads(
                t -> {
                  Frame f = enter(2);
                  for (int i = 0; i < rounds; i++) {
                    // x = Node(); w = weakref.ref(x, cb); x = None: cb runs here
                    Node x = local(alloc(new Node(), f, 0), f, 0);
                    line(f);
                    Weakref<Node> w =
                        local(
                            res(Weakref.ref(x, fn(ConcurrencyTest::storingCallback, f, 1)), f, 0),
                            f,
                            1);
                    line(f);
                    local(null, f, 0);
                    line(f);
                    if (res(w.get(), f, 0) == null) {
                      callbacks.incrementAndGet();
                    }
                    line(f);
                    synchronized (sink) {
                      arrayStore(sink, i % sink.length, alloc(new Node(), f, 2), f);
                      line(f);
                    }
                  }
                  exit(f);
                }));
    assertThat(callbacks.get()).isEqualTo(rounds * THREADS);
    assertThat(heap.edgesOf(sink)).containsExactly(sink);
    for (Object o : sink) {
      assertThat(heap.nodeOf(o).refcount()).isEqualTo(1);
    }
    exit(main);
  }
}
