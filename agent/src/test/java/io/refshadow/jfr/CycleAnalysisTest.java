package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.HeapListener;
import io.refshadow.heap.Node;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cycles one collection frees, grouped by shape: members' types and the references between
 * them. The graphs are built by calling the hooks as instrumented code does, and the analysis runs
 * on the garbage the heap hands its listener.
 */
class CycleAnalysisTest {
  static final class Pair {
    Object partner;
    Object other;
  }

  static final class Trio {
    Object next;
  }

  static final class Leaf {}

  private static final String PAIR = Pair.class.getName();
  private static final String TRIO = Trio.class.getName();
  private static final int PARTNER = Hooks.fieldId(PAIR, "partner");
  private static final int OTHER = Hooks.fieldId(PAIR, "other");
  private static final int NEXT = Hooks.fieldId(TRIO, "next");

  /**
   * The references of a cycle of Pairs and Trios, each Pair's partner a Trio, each Trio's next a
   * Pair.
   */
  private static final String PAIR_TRIO_FIELDS =
      PAIR + ".partner -> " + TRIO + "\n" + TRIO + ".next -> " + PAIR;

  private final List<CycleAnalysis> analyses = new ArrayList<>();

  @BeforeEach
  void installHeap() {
    ShadowHeap heap = new ShadowHeap(Profile.DEFAULT, null);
    heap.setListener(
        new HeapListener() {
          @Override
          public void onGarbage(List<Node> garbage) {
            analyses.add(CycleAnalysis.of(garbage, data -> null));
          }
        });
    ShadowHeap.install(heap);
  }

  @AfterEach
  void uninstallHeap() {
    ShadowHeap.install(null);
  }

  @Test
  void cyclesOfOneShapeAreCountedTogetherAndShapesThatDifferInOneReferenceApart() {
    Frame f = Hooks.enter(3);
    for (int i = 0; i < 3; i++) {
      Pair a = local(alloc(new Pair(), f), f, 0);
      Pair b = local(alloc(new Pair(), f), f, 1);
      Hooks.putField(a, a.partner = b, PARTNER, f);
      Hooks.putField(b, b.partner = a, PARTNER, f);
      Hooks.putField(a, a.other = alloc(new Leaf(), f), OTHER, f); // kept by the cycle, not in it
      Hooks.line(f);
      forget(f, 0, 1);
    }
    for (int i = 0; i < 2; i++) {
      Pair a = local(alloc(new Pair(), f), f, 0);
      Pair b = local(alloc(new Pair(), f), f, 1);
      Hooks.putField(a, a.partner = b, PARTNER, f);
      Hooks.putField(b, b.other = a, OTHER, f);
      forget(f, 0, 1);
    }
    Trio t1 = local(alloc(new Trio(), f), f, 0);
    Trio t2 = local(alloc(new Trio(), f), f, 1);
    Trio t3 = local(alloc(new Trio(), f), f, 2);
    Hooks.putField(t1, t1.next = t2, NEXT, f);
    Hooks.putField(t2, t2.next = t3, NEXT, f);
    Hooks.putField(t3, t3.next = t1, NEXT, f);
    forget(f, 0, 1, 2);
    Trio self = local(alloc(new Trio(), f), f, 0);
    Hooks.putField(self, self.next = self, NEXT, f);
    forget(f, 0);
    Hooks.exit(f);

    assertThat(Gc.collect()).isEqualTo(3 * 2 + 2 * 2 + 3 + 1);
    assertThat(analyses).hasSize(1);
    CycleAnalysis a = analyses.get(0);
    assertThat(a.cycles).isEqualTo(3 + 2 + 1 + 1);
    assertThat(a.shapes)
        .extracting(CycleAnalysisTest::describe)
        .containsExactly( // most objects first
            PAIR + " x2 | " + PAIR + ".partner -> " + PAIR + " | 3 cycles, 6 objects",
            PAIR
                + " x2 | "
                + PAIR
                + ".other -> "
                + PAIR
                + "\n"
                + PAIR
                + ".partner -> "
                + PAIR
                + " | 2 cycles, 4 objects",
            TRIO + " x3 | " + TRIO + ".next -> " + TRIO + " | 1 cycles, 3 objects",
            TRIO + " x1 | " + TRIO + ".next -> " + TRIO + " | 1 cycles, 1 objects");
  }

  @Test
  void aShapeMetWithItsMembersInAnotherOrderIsStillOneShape() {
    Frame f = Hooks.enter(2);
    for (int i = 0; i < 4; i++) {
      boolean pairFirst = i % 2 == 0;
      Object first = local(alloc(pairFirst ? new Pair() : new Trio(), f), f, 0);
      Object second = local(alloc(pairFirst ? new Trio() : new Pair(), f), f, 1);
      Pair p = (Pair) (pairFirst ? first : second);
      Trio t = (Trio) (pairFirst ? second : first);
      Hooks.putField(p, p.partner = t, PARTNER, f);
      Hooks.putField(t, t.next = p, NEXT, f);
      forget(f, 0, 1);
    }
    Hooks.exit(f);

    assertThat(Gc.collect()).isEqualTo(8);
    assertThat(analyses).hasSize(1);
    assertThat(analyses.get(0).shapes)
        .extracting(CycleAnalysisTest::describe)
        .containsExactly(
            PAIR + " x1, " + TRIO + " x1 | " + PAIR_TRIO_FIELDS + " | 4 cycles, 8 objects");
  }

  @Test
  void aLargeCycleCountsEachTypeByItsObjectsAndListsEachReferenceOnce() {
    int pairs = 20; // 40 objects: above MAX_DRAWN_OBJECTS, so the graph is drawn by types
    Frame f = Hooks.enter(3);
    Pair first = local(alloc(new Pair(), f), f, 0);
    Pair last = local(first, f, 1);
    for (int i = 0; i < pairs; i++) {
      Trio t = local(alloc(new Trio(), f), f, 2);
      Hooks.putField(last, last.partner = t, PARTNER, f);
      Hooks.line(f);
      if (i == pairs - 1) {
        Hooks.putField(t, t.next = first, NEXT, f);
      } else {
        Pair p = alloc(new Pair(), f);
        Hooks.putField(t, t.next = p, NEXT, f);
        last = local(p, f, 1);
      }
      Hooks.line(f);
    }
    forget(f, 0, 1, 2);
    Hooks.exit(f);

    assertThat(Gc.collect()).isEqualTo(2 * pairs);
    CycleAnalysis.Shape s = analyses.get(0).shapes.get(0);
    assertThat(describe(s))
        .isEqualTo(
            PAIR + " x20, " + TRIO + " x20 | " + PAIR_TRIO_FIELDS + " | 1 cycles, 40 objects");
    assertThat(s.graph).isEqualTo(PAIR + " -partner-> " + TRIO + "\n" + TRIO + " -next-> " + PAIR);
  }

  @Test
  void twoClassesOfOneNameAreOneTypeInTheShape() throws ReflectiveOperationException {
    // An instance class's name is one interned string, whichever loader defined it; an array
    // class's display name is made for each class, so two array classes of one name give two
    // strings (as two lambdas' hidden classes of one enclosing class do).
    Class<?> twin = sameNameOtherLoader(Trio.class);
    java.lang.reflect.Field twinNext = twin.getDeclaredField("next");
    twinNext.setAccessible(true);
    java.lang.reflect.Constructor<?> make = twin.getDeclaredConstructor();
    make.setAccessible(true);
    Frame f = Hooks.enter(4);
    Trio t = local(alloc(new Trio(), f), f, 0);
    Trio[] ts = local(alloc(new Trio[1], f), f, 1);
    Object u = local(alloc(make.newInstance(), f), f, 2);
    Object[] us = local(alloc((Object[]) java.lang.reflect.Array.newInstance(twin, 1), f), f, 3);
    Hooks.putField(t, t.next = us, NEXT, f);
    Hooks.arrayStore(us, 0, u, f);
    twinNext.set(u, ts);
    Hooks.putField(u, ts, NEXT, f);
    Hooks.arrayStore(ts, 0, t, f);
    forget(f, 0, 1, 2, 3);
    Hooks.exit(f);

    assertThat(Gc.collect()).isEqualTo(4);
    assertThat(analyses.get(0).shapes)
        .extracting(CycleAnalysisTest::describe)
        .containsExactly(
            TRIO
                + " x2, "
                + TRIO
                + "[] x2 | "
                + TRIO
                + ".next -> "
                + TRIO
                + "[]\n"
                + TRIO
                + "[] element -> "
                + TRIO
                + " | 1 cycles, 4 objects");
  }

  /** {@code c} defined again by a loader of its own: another class with the same name. */
  private static Class<?> sameNameOtherLoader(Class<?> c) throws ClassNotFoundException {
    byte[] bytes;
    try (java.io.InputStream in =
        c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
      bytes = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new ClassNotFoundException(c.getName(), e);
    }
    ClassLoader loader =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals(c.getName())) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
          }
        };
    Class<?> other = loader.loadClass(c.getName());
    assertThat(other).isNotSameAs(c);
    return other;
  }

  private static String describe(CycleAnalysis.Shape s) {
    return s.memberTypes
        + " | "
        + s.cycleFields
        + " | "
        + s.cycles
        + " cycles, "
        + s.objects
        + " objects";
  }

  /** {@code new T()} as the agent reports it: a temporary at operand position 1. */
  private static <T> T alloc(T obj, Frame f) {
    Hooks.allocated(obj, f, 1);
    return obj;
  }

  /** {@code astore}, then the statement's end. */
  private static <T> T local(T value, Frame f, int slot) {
    Hooks.storeLocal(value, f, slot);
    Hooks.line(f);
    return value;
  }

  /** {@code x = null} for each of the locals. */
  private static void forget(Frame f, int... slots) {
    for (int slot : slots) {
      Hooks.storeLocal(null, f, slot);
    }
    Hooks.line(f);
  }
}
