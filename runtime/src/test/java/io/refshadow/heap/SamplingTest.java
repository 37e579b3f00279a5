package io.refshadow.heap;

import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Hooks;
import io.refshadow.twin.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Past 80% of {@code maxShadowMemory} the shadow samples: about 1 in 16 new objects gets a node;
 * the others are not adopted when met, and an object the shadow mirrors that one of them comes to
 * hold is pinned, so nothing held is ever freed early.
 */
class SamplingTest {
  private ShadowHeap heap;
  private java.io.PrintStream savedErr;

  @BeforeEach
  void install() {
    heap = new ShadowHeap(Profile.DEFAULT, null);
    ShadowHeap.install(heap);
    savedErr = System.err;
    System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  @AfterEach
  void uninstall() {
    System.setErr(savedErr);
    ShadowHeap.install(null);
  }

  @Test
  void outsideTheSampleNothingIsAdoptedAndWhatItHoldsIsPinned() {
    // budget checks run every 1024 nodes: at the 1024th, the estimate (64 B a node, the array's
    // 4096
    // edge slots, the identity table's 4096 slots, the detector's slot arrays) is past 80% of 140
    // KB, and short of all of it
    heap.setMemoryBudget(140_000);
    Frame f = Hooks.enter(4);
    Object[] held = local(alloc(new Object[4096], f, 0), f, 0);
    line(f);
    Node tracked = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    int i = 0;
    while (!heap.isSampling()) {
      Hooks.arrayStore(held, i++, alloc(new Object(), f, 0), f);
      line(f);
      assertThat(i).as("sampling starts at the 1024th node").isLessThan(2048);
    }
    assertThat(heap.isStopped()).isFalse();

    int first = i;
    for (int k = 0; k < 1600; k++, i++) {
      Hooks.arrayStore(held, i, alloc(new Node(), f, 0), f);
      line(f);
    }
    Object[] edges = heap.edgesOf(held);
    List<Node> made = new ArrayList<>();
    List<Node> mirrored = new ArrayList<>();
    for (int k = first; k < i; k++) {
      made.add((Node) held[k]);
      if (edges[k] != null) {
        mirrored.add((Node) held[k]);
        assertThat(heap.nodeOf(held[k])).isNotNull();
      } else {
        assertThat(heap.nodeOf(held[k])).as("not adopted when stored").isNull();
      }
    }
    assertThat(mirrored.size()).as("about 1 in 16 of 1600").isBetween(40, 250);
    assertThat(heap.stats().unsampled).isEqualTo(1600 - mirrored.size());
    Node outside = made.stream().filter(n -> !mirrored.contains(n)).findFirst().orElseThrow();

    // a mirrored object stored into one outside the sample: pinned, the holder not adopted
    int before = heap.nodeOf(tracked).refcount();
    outside.ref = tracked;
    putField(outside, tracked, Node.REF, f);
    assertThat(heap.nodeOf(outside)).isNull();
    assertThat(heap.nodeOf(tracked).refcount()).isEqualTo(before + 1);

    // an object outside the sample stored into a mirrored one: no edge, not adopted
    tracked.ref = outside;
    putField(tracked, outside, Node.REF, f);
    assertThat(heap.nodeOf(outside)).isNull();
    assertThat(heap.edgesOf(tracked)).containsOnlyNulls();
    exit(f);
    assertThat(heap.nodeOf(tracked)).as("pinned: its holder is not mirrored").isNotNull();
    assertThat(heap.nodeOf(mirrored.get(0))).as("a sampled object is exact").isNull();
  }
}
