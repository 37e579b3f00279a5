package io.refshadow.heap;

import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.twin.Node;
import java.lang.ref.Reference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An adopted object (made by code refshadow does not watch) holds one external reference for the
 * references the shadow cannot see. Once the JVM has reclaimed it, that reference is released, so
 * what only it held is freed; before, it stayed in the shadow for the rest of the run (what ran
 * commons-lang3's test suite out of memory under the agent). A pinned object (one that escaped into
 * code refshadow does not watch) is released the same way.
 */
class ReclaimedAdoptedTest extends InstalledHeap {

  /** An array the test makes without the allocation hook: adopted when a store first meets it. */
  private static Object[] foreignHolding(Object value, Frame f) {
    Object[] foreign = new Object[1];
    Hooks.arrayStore(foreign, 0, value, f);
    return foreign;
  }

  /** A program object held, in the shadow, only by a foreign array the test no longer holds. */
  private Node heldOnlyByDroppedForeignArray() {
    Frame f = Hooks.enter(1);
    Node x = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    foreignHolding(x, f); // the array is garbage for the JVM from here on
    line(f);
    exit(f);
    return x;
  }

  /** Runs {@code step} after full JVM collections until {@code done} or about ten seconds. */
  private static boolean afterJvmGc(Runnable step, BooleanSupplier done) {
    for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
      System.gc();
      try {
        Thread.sleep(20); // the JVM's reference handler enqueues the cleared nodes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      step.run();
    }
    return done.getAsBoolean();
  }

  @Test
  void gcCollectReleasesAnAdoptedObjectTheJvmReclaimedAndFreesWhatOnlyItHeld() {
    Node x = heldOnlyByDroppedForeignArray();
    assertThat(heap.nodeOf(x)).as("held by the adopted array's edge").isNotNull();
    assertThat(heap.nodeOf(x).refcount()).isEqualTo(1);
    long freedAdopted = heap.stats().freedAdopted;

    boolean freed = afterJvmGc(Gc::collect, () -> heap.nodeOf(x) == null);

    assertThat(freed).as("x freed once the JVM reclaimed the array that held it").isTrue();
    assertThat(heap.stats().reclaimedAdopted).isEqualTo(1);
    assertThat(heap.stats().freedAdopted).isEqualTo(freedAdopted + 1);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void allocationsAloneReleaseReclaimedAdoptedObjectsWithoutAnyCollection() {
    Gc.disable(); // no collection: only the allocation path may release it
    Node x = heldOnlyByDroppedForeignArray();
    Frame f = Hooks.enter(1);
    boolean freed =
        afterJvmGc(
            () -> {
              for (int i = 0; i < 256; i++) {
                alloc(new Object(), f, 0);
                line(f);
              }
            },
            () -> heap.nodeOf(x) == null);
    exit(f);

    assertThat(freed).isTrue();
    assertThat(heap.stats().reclaimedAdopted).isEqualTo(1);
    assertThat(Gc.getStats()).as("no collection ran").allMatch(s -> s.collections() == 0);
  }

  /**
   * A program object whose constructor ran under a caller refshadow does not watch (reflection, a
   * framework): adopted when its creator's next hook finds it unclaimed. It holds {@code y}, which
   * the program's frame then lets go; the object itself is garbage for the JVM once this returns.
   * With {@code escapesWhileBuilt}, its constructor also hands {@code this} to unwatched code
   * (pinned while constructing).
   */
  private Node heldOnlyByAnObjectBuiltUnwatched(boolean escapesWhileBuilt) {
    Node x = new Node();
    Frame c = Hooks.enterConstructor(1); // no frame below it: called from unwatched code
    Hooks.superCall(c);
    Hooks.arg(x, c, 0);
    if (escapesWhileBuilt) {
      Hooks.escape(x, c);
    }
    exit(c);
    Frame f = Hooks.enter(1); // the creator's next hook: x is adopted, with an external reference
    Node y = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    assertThat(heap.nodeOf(x).refcount()).as("one external reference, not two").isEqualTo(1);
    x.ref = y;
    Hooks.putField(x, y, Node.REF, f);
    exit(f);
    assertThat(heap.nodeOf(x)).as("adopted").isNotNull();
    return y;
  }

  @Test
  void anObjectBuiltByUnwatchedCodeIsReleasedOnceTheJvmReclaimsIt() {
    Node y = heldOnlyByAnObjectBuiltUnwatched(false);
    assertThat(heap.nodeOf(y).refcount()).as("held by x's edge alone").isEqualTo(1);

    boolean freed = afterJvmGc(Gc::collect, () -> heap.nodeOf(y) == null);

    assertThat(freed).as("y freed once the JVM reclaimed the object that held it").isTrue();
    assertThat(heap.stats().reclaimedAdopted).isEqualTo(1);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void anAdoptedObjectTheProgramStillReachesKeepsWhatItHolds() {
    Frame f = Hooks.enter(1);
    Node x = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    Object[] foreign = foreignHolding(x, f);
    line(f);
    exit(f);

    for (int i = 0; i < 20; i++) {
      System.gc();
      Gc.collect();
    }

    assertThat(heap.nodeOf(x)).isNotNull();
    assertThat(heap.nodeOf(foreign)).as("the array's node").isNotNull();
    assertThat(heap.nodeOf(foreign).refcount()).as("its external reference").isEqualTo(1);
    assertThat(heap.stats().reclaimedAdopted).isZero();
    Reference.reachabilityFence(foreign);
  }

  /**
   * A program object {@code y} holding {@code z}, handed to code refshadow does not watch (pinned),
   * and let go by its frame: in the shadow, z is held by y's edge alone, y by its pin.
   */
  private Node pinnedHolderOf(Node z, Frame f) {
    Node y = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    y.ref = z;
    Hooks.putField(y, z, Node.REF, f);
    Hooks.escape(y, f);
    return y;
  }

  @Test
  void aPinnedObjectTheJvmReclaimedIsFreedWithWhatOnlyItHeld() {
    Frame f = Hooks.enter(2);
    Node z = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    pinnedHolderOf(z, f); // y: garbage for the JVM once this frame's slot is gone
    exit(f);
    assertThat(heap.nodeOf(z).refcount()).as("held by the pinned y's edge alone").isEqualTo(1);

    // its lifetime falls back to the JVM's (DESIGN.md): z, which the test still holds outside the
    // shadow, is freed when y is, as CPython frees it when the unwatched code drops y
    boolean freed = afterJvmGc(Gc::collect, () -> heap.nodeOf(z) == null);

    assertThat(freed).as("z freed once the JVM reclaimed the pinned y").isTrue();
    assertThat(heap.stats().reclaimedPinned).isEqualTo(1);
    assertThat(heap.stats().reclaimedAdopted).isZero();
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void aPinnedObjectTheProgramStillReachesStaysPinnedWithWhatItHolds() {
    Frame f = Hooks.enter(2);
    Node z = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    Node y = pinnedHolderOf(z, f);
    exit(f);

    for (int i = 0; i < 20; i++) {
      System.gc();
      Gc.collect();
    }

    assertThat(heap.nodeOf(z)).as("what the pinned object holds is kept").isNotNull();
    assertThat(heap.nodeOf(y).refcount()).as("its pin").isEqualTo(1);
    assertThat(heap.stats().reclaimedPinned).isZero();
    Reference.reachabilityFence(y);
  }

  /** A pinned y and a z in a cycle (y.ref = z, z.ref = y), both garbage for the JVM on return. */
  private void pinnedCycle() {
    Frame f = Hooks.enter(2);
    Node z = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    Node y = pinnedHolderOf(z, f);
    z.ref = y;
    Hooks.putField(z, y, Node.REF, f);
    exit(f);
  }

  @Test
  void aCycleLeftByAReleasedPinnedObjectCountsOnlyTheProgramsOtherObjects() {
    pinnedCycle();
    int[] counted = {0};

    boolean released =
        afterJvmGc(() -> counted[0] += Gc.collect(), () -> heap.stats().reclaimedPinned == 1);
    counted[0] += Gc.collect();

    assertThat(released).isTrue();
    // y's death is the JVM's timing, as an adopted object's: counting it would make gc.collect()'s
    // result depend on when the JVM collected (z is the program's, dropped where it was)
    assertThat(counted[0]).as("z only").isEqualTo(1);
  }

  @Test
  void anObjectPinnedWhileBuiltByUnwatchedCodeIsReleasedOnceTheJvmReclaimsIt() {
    Node y = heldOnlyByAnObjectBuiltUnwatched(true);

    boolean freed = afterJvmGc(Gc::collect, () -> heap.nodeOf(y) == null);

    assertThat(freed).as("y freed once the JVM reclaimed the object that held it").isTrue();
    assertThat(heap.stats().invariantViolations).isZero();
  }

  /**
   * The limit of the release: an object with an {@code @Del} method is held strongly by its node
   * (its finalizer will need it), so the JVM never reclaims it, and pinned it stays pinned.
   */
  @Test
  void aPinnedObjectWithAFinalizerStaysPinned() {
    Frame f = Hooks.enter(2);
    Node z = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    io.refshadow.twin.Fin y = local(alloc(new io.refshadow.twin.Fin(), f, 0), f, 0);
    line(f);
    y.ref = z;
    Hooks.putField(y, z, io.refshadow.twin.Fin.REF, f);
    Hooks.escape(y, f);
    exit(f);
    y = null;

    for (int i = 0; i < 20; i++) {
      System.gc();
      Gc.collect();
    }

    assertThat(heap.nodeOf(z)).as("held by the pinned finalizable object").isNotNull();
    assertThat(heap.stats().reclaimedPinned).isZero();
  }

  @Test
  void anImmortalObjectTheJvmReclaimedLeavesTheShadow() {
    Frame f = Hooks.enter(1);
    Object[] held = local(alloc(new Object[1], f, 0), f, 0);
    line(f);
    long before = heap.nodeCount();
    String fresh = new String(new char[] {'r', 'e', 'f'}); // not a literal: the JVM may reclaim it
    Hooks.arrayStore(held, 0, fresh, f); // adopted as immortal (PEP 683, as a str constant)
    fresh = null;
    assertThat(heap.nodeCount()).isEqualTo(before + 1);
    Hooks.arrayStore(held, 0, null, f);

    boolean forgotten = afterJvmGc(Gc::collect, () -> heap.nodeCount() == before);

    assertThat(forgotten).as("the reclaimed string's node left the identity table").isTrue();
    exit(f);
  }
}
