package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Py;
import io.refshadow.twin.Twin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What refshadow cannot reproduce by design, each difference as the project documents it
 * (DESIGN.md, README "Documented differences from CPython"): the twin must print CPython's output
 * edited by exactly that difference, and the edit must really change CPython's output.
 */
class DocumentedDifferenceTest {
  @Test
  void raisingFramesLocalsDieAsTheExceptionUnwindsNotWhenTheExceptBlockEnds_s47() {
    ScenarioDifferentialTest.assertDocumentedDifference(
        "s47_exception_frame", DocumentedDifference.JAVA_EXCEPTIONS_KEEP_NO_FRAMES_ALIVE);
  }

  @Test
  void savedJavaExceptionKeepsNoFrameSoThereIsNoCycleToCollect_s48() {
    ScenarioDifferentialTest.assertDocumentedDifference(
        "s48_exception_cycle", DocumentedDifference.SAVED_EXCEPTION_MAKES_NO_CYCLE);
  }

  /**
   * README: CPython's trashcan defers deallocations nested deeper than 50, which changes the order
   * of {@code __del__} calls; refshadow frees depth first at any depth. A plain chain keeps its
   * order in CPython too (see LargeStructuresTest); the difference shows once the deep objects have
   * siblings. The program: a spine s0 -> s1 -> ... -> s59 through {@code ref}, each spine node with
   * a leaf l0..l59 in {@code ref2}, dropped at s0:
   *
   * <pre>
   * head = Fin("s0"); prev = head
   * for i in range(60):
   *     leaf = Fin("l%d" % i); prev.ref2 = leaf
   *     if i &lt; 59: n = Fin("s%d" % (i + 1)); prev.ref = n; prev = n
   * leaf = None; n = None; prev = None
   * head = None
   * </pre>
   *
   * CPython 3.12.1 finalizes s0..s49, then l48..l0, l49 (the deferred s50's parent finishes), then
   * s50..s59, l59..l50; refshadow finalizes in depth-first pre-order: s0..s59, then l59..l0.
   */
  @Test
  void deepStructureFinalizesDepthFirstWhereCPythonsTrashcanDefers() {
    List<String> cpython = new ArrayList<>();
    for (int i = 0; i <= 49; i++) {
      cpython.add("del s" + i);
    }
    for (int i = 48; i >= 0; i--) {
      cpython.add("del l" + i);
    }
    cpython.add("del l49");
    for (int i = 50; i <= 59; i++) {
      cpython.add("del s" + i);
    }
    for (int i = 59; i >= 50; i--) {
      cpython.add("del l" + i);
    }
    // the documented difference: depth first, slots in order (ref before ref2)
    List<String> documented = new ArrayList<>();
    for (int i = 0; i <= 59; i++) {
      documented.add("del s" + i);
    }
    for (int i = 59; i >= 0; i--) {
      documented.add("del l" + i);
    }
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Fin head = local(alloc(new Fin(), f, 0), f, 1);
          line(f);
          putField(head, head.name = "s0", Fin.NAME, f);
          line(f);
          Fin prev = local(head, f, 2);
          line(f);
          for (int i = 0; i < 60; i++) {
            Fin leaf = local(alloc(new Fin(), f, 0), f, 3);
            line(f);
            putField(leaf, leaf.name = "l" + i, Fin.NAME, f);
            line(f);
            putField(prev, prev.ref2 = leaf, Fin.REF2, f);
            line(f);
            if (i < 59) {
              Fin n = local(alloc(new Fin(), f, 0), f, 4);
              line(f);
              putField(n, n.name = "s" + (i + 1), Fin.NAME, f);
              line(f);
              putField(prev, prev.ref = n, Fin.REF, f);
              line(f);
              prev = local(n, f, 2);
              line(f);
            }
          }
          local(null, f, 3);
          line(f);
          local(null, f, 4);
          line(f);
          prev = local(null, f, 2);
          line(f);
          head = local(null, f, 1);
          line(f);
        };
    assertThat(documented)
        .as("the documented difference changes CPython's order")
        .isNotEqualTo(cpython);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(cpython);
    assertThat(Py.run(twin)).containsExactlyElementsOf(documented);
  }
}
