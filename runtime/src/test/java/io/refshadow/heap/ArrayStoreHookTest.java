package io.refshadow.heap;

import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refshadow.twin.Node;
import org.junit.jupiter.api.Test;

/**
 * {@code Hooks.arrayStore} replaces {@code aastore}: it makes the store itself and must throw what
 * the store throws, leaving the shadow as it was, with or without a heap installed.
 */
class ArrayStoreHookTest extends InstalledHeap {

  @Test
  void failedStoreThrowsWhatAastoreThrowsAndMirrorsNothing() {
    Frame f = enter(3);
    Object[] items = local(alloc(new Node[1], f, 0), f, 0); // a Node[]: storing a String fails
    line(f);
    Node n = local(alloc(new Node(), f, 0), f, 1);
    line(f);

    assertThatThrownBy(() -> arrayStore(items, 1, n, f))
        .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThatThrownBy(() -> arrayStore(items, 0, "not a node", f))
        .isInstanceOf(ArrayStoreException.class);
    assertThatThrownBy(() -> arrayStore(null, 0, n, f)).isInstanceOf(NullPointerException.class);
    assertThat(heap.edgesOf(items)).containsExactly((Object) null);
    assertThat(heap.nodeOf(n).refcount()).as("only the local").isEqualTo(1);

    arrayStore(items, 0, n, f);
    assertThat(items[0]).isSameAs(n);
    assertThat(heap.edgesOf(items)).containsExactly(n);
    assertThat(heap.nodeOf(n).refcount()).as("the local and the item").isEqualTo(2);
    exit(f);
  }

  @Test
  void withoutAHeapTheStoreStillHappensAndStillThrows() {
    ShadowHeap.install(null);
    Object[] items = new Node[1];
    Node n = new Node();
    arrayStore(items, 0, n, null);
    assertThat(items[0]).isSameAs(n);
    assertThatThrownBy(() -> arrayStore(items, 0, "not a node", null))
        .isInstanceOf(ArrayStoreException.class);
  }
}
