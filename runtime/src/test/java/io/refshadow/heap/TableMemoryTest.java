package io.refshadow.heap;

import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import io.refshadow.twin.Node;
import org.junit.jupiter.api.Test;

/**
 * The identity table gives back the memory of its peak once a mass free has emptied it, even if the
 * program then adds nothing: a program that goes idle after {@code gc.collect()} does not keep a
 * table sized for the garbage it had.
 */
class TableMemoryTest extends InstalledHeap {
  @Test
  void aCollectionThatFreesAlmostEverythingShrinksTheTableBeforeItReturns() {
    Gc.disable(); // the pairs stay garbage until the explicit collection
    try {
      Frame f = enter(2);
      long before = heap.shadowBytes();
      for (int i = 0; i < 50_000; i++) {
        // a = Node(); b = Node(); a.ref = b; b.ref = a; then both names are rebound
        Node a = local(alloc(new Node(), f, 0), f, 0);
        line(f);
        Node b = local(alloc(new Node(), f, 0), f, 1);
        line(f);
        putField(a, b, Node.REF, f);
        line(f);
        putField(b, a, Node.REF, f);
        line(f);
      }
      local(null, f, 0);
      local(null, f, 1);
      line(f);
      long peak = heap.shadowBytes();
      assertThat(peak).as("100,000 nodes in cycles").isGreaterThan(100_000L * 72);
      assertThat(Gc.collect()).isEqualTo(100_000);
      // nothing is added after the collection: the table shrinks before it returns
      assertThat(heap.shadowBytes()).as("after the collection").isLessThanOrEqualTo(before);
      exit(f);
    } finally {
      Gc.enable();
    }
  }
}
