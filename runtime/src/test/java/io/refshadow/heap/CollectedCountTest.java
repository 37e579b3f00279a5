package io.refshadow.heap;

import static io.refshadow.Hooks.allocatedInternal;
import static io.refshadow.Hooks.arrayStore;
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
 * What {@code gc.collect()} counts: a collection's own storage (an {@code ArrayList}'s array, made
 * by the JDK collection's code: {@code Hooks.allocatedInternal}) is freed with its collection but
 * not counted, since a Python list has no separate array. CPython 3.12.1: {@code l = [];
 * l.append(l); del l; gc.collect()} returns 1.
 */
class CollectedCountTest extends InstalledHeap {

  @Test
  void aCollectionHoldingItselfCountsAsOneObjectNotWithItsStorage() {
    Gc.disable();
    Gc.collect();
    Frame f = enter(2);
    Node list = local(alloc(new Node(), f, 0), f, 0); // the list object
    line(f);
    Object[] storage = new Object[1];
    allocatedInternal(storage, f, 0); // its array, made by the collection's own code
    putField(list, storage, Node.REF, f);
    list.ref = storage;
    line(f);
    arrayStore(storage, 0, list, f); // l.append(l)
    line(f);
    exit(f); // del l: the list and its array keep each other

    // no finalizer or weak reference among them: the collection's pass without user code
    assertThat(Gc.collect()).isEqualTo(1);
    assertThat(heap.nodeOf(list)).as("freed all the same").isNull();
    assertThat(heap.nodeOf(storage)).as("its storage freed too").isNull();
  }
}
