package io.refshadow.heap;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.storeLocal;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.twin.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames are pooled per call depth: what a frame holds must be exactly what its method holds now.
 * The next call at the same depth sees none of the last call's locals or temporaries, in low slots
 * or high ones (a build that kept released slots' nodes for the next call, to save G1 write
 * barriers, had to get this right; see bench/README.md, Session 15).
 */
class FrameSlotsTest extends InstalledHeap {

  @Test
  void aCallAtTheSameDepthHoldsNoneOfThePreviousCallsLocals() {
    Frame outer = enter(2);
    Node a = local(alloc(new Node(), outer, 0), outer, 0);
    line(outer);
    Node b = local(alloc(new Node(), outer, 0), outer, 1);
    line(outer);

    Frame first = enter(100);
    arg(a, first, 0);
    arg(b, first, 70);
    storeLocal(a, first, 3);
    assertThat(heap.nodeOf(a).refcount()).as("outer, slot 0 and slot 3").isEqualTo(3);
    assertThat(heap.nodeOf(b).refcount()).as("outer and slot 70").isEqualTo(2);
    exit(first);
    assertThat(heap.nodeOf(a).refcount()).isEqualTo(1);
    assertThat(heap.nodeOf(b).refcount()).isEqualTo(1);

    Frame second = enter(100); // the same pooled frame, one level down again
    assertThat(second).isSameAs(first);
    storeLocal(b, second, 5); // makes slots 0..5 part of the frame again
    storeLocal(b, second, 71); // and 0..71
    assertThat(rootsOf(second)).as("only what this call stored").containsExactly(5, 71);
    assertThat(heap.nodeOf(a).refcount()).as("slots 0 and 3 of the last call are gone").isOne();
    assertThat(heap.nodeOf(b).refcount()).as("outer, slots 5 and 71").isEqualTo(3);

    storeLocal(a, second, 0); // the node slot 0 held last time: counted again
    assertThat(heap.nodeOf(a).refcount()).isEqualTo(2);
    storeLocal(null, second, 0);
    storeLocal(null, second, 71);
    assertThat(heap.nodeOf(a).refcount()).isOne();
    assertThat(heap.nodeOf(b).refcount()).isEqualTo(2);
    assertThat(rootsOf(second)).containsExactly(5);
    exit(second);
    assertThat(heap.nodeOf(b).refcount()).isOne();

    exit(outer);
    assertThat(heap.nodeOf(a)).as("freed with the outer frame").isNull();
    assertThat(heap.nodeOf(b)).isNull();
  }

  @Test
  void releasedTemporariesAreNotHeldByTheNextCall() {
    Frame outer = enter(1);
    Frame f = enter(1);
    Node t = alloc(new Node(), f, 0); // a temporary at position 0
    assertThat(heap.nodeOf(t).refcount()).isOne();
    line(f); // the statement ends: freed
    assertThat(heap.nodeOf(t)).isNull();
    exit(f);

    Frame again = enter(1);
    Node u = res(alloc(new Node(), again, 0), again, 0);
    assertThat(heap.nodeOf(u).refcount()).as("held once, as a temporary").isOne();
    exit(again);
    assertThat(heap.nodeOf(u)).isNull();
    exit(outer);
  }

  /** The local slots of {@code f} that the heap counts as roots. */
  private List<Integer> rootsOf(Frame f) {
    List<Integer> slots = new ArrayList<>();
    heap.lock();
    try {
      heap.forEachRoot(
          (node, kind, thread, depth, index) -> {
            if (kind == RootVisitor.Kind.LOCAL && depth == f.depth()) {
              slots.add(index);
            }
          });
    } finally {
      heap.unlock();
    }
    return slots;
  }
}
