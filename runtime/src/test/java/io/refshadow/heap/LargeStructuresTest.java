package io.refshadow.heap;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Del;
import io.refshadow.twin.Node;
import io.refshadow.twin.Py;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Freeing what one reference holds alive must not recurse on the Java stack (a million-node chain
 * frees with one store), and must finalize in CPython's order. The structures are built through the
 * hooks, as instrumented code builds them.
 */
class LargeStructuresTest {
  private static final int MILLION = 1_000_000;

  private ShadowHeap heap;

  @BeforeEach
  void install() {
    heap = new ShadowHeap(Profile.DEFAULT, null);
    ShadowHeap.install(heap);
    // gc.disable(): automatic collections would only rescan the million live objects
    heap.cycleDetector().setEnabled(false);
  }

  @AfterEach
  void uninstall() {
    ShadowHeap.install(null);
  }

  @Test
  void millionNodeChainIsFreedByOneStoreWithoutStackOverflow() {
    Frame f = enter(2);
    // head = None; for i in range(1000000): n = Node(); n.ref = head; head = n
    Node head = local(null, f, 0);
    line(f);
    for (int i = 0; i < MILLION; i++) {
      // javac's code for `n.ref = head; head = n` with n kept on the operand stack (dup):
      // allocated, putfield (head is a local: a new reference), astore (takes the temporary)
      Node n = alloc(new Node(), f, 0);
      putField(n, n.ref = head, Node.REF, f);
      head = local(n, f, 0);
      line(f);
    }
    Object last = head;
    while (((Node) last).ref != null) {
      last = ((Node) last).ref;
    }
    assertThat(heap.nodeOf(head).refcount()).isEqualTo(1);
    assertThat(heap.nodeOf(last).refcount()).isEqualTo(1);
    long freedBefore = heap.stats().freedByRefcount;

    head = local(null, f, 0); // the one store that frees the whole chain

    assertThat(heap.stats().freedByRefcount - freedBefore).isEqualTo(MILLION);
    assertThat(heap.nodeOf(last)).as("the far end's node after the chain died").isNull();
    assertThat(heap.stats().invariantViolations).isZero();
    exit(f);
  }

  @Test
  void millionElementArrayIsFreedByDroppingItWithoutStackOverflow() {
    Frame f = enter(2);
    // lst = [None] * 1000000; for i in range(1000000): lst[i] = Node()
    Object[] lst = local(alloc(new Object[MILLION], f, 0), f, 0);
    line(f);
    for (int i = 0; i < MILLION; i++) {
      arrayStore(lst, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    Object first = lst[0];
    assertThat(heap.nodeOf(first).refcount()).isEqualTo(1);
    long freedBefore = heap.stats().freedByRefcount;

    lst = local(null, f, 0);

    assertThat(heap.stats().freedByRefcount - freedBefore).isEqualTo(MILLION + 1L);
    assertThat(heap.nodeOf(first)).as("an element's node after the list died").isNull();
    assertThat(heap.stats().invariantViolations).isZero();
    exit(f);
  }

  @Test
  void millionNodeChainThroughArraysIsFreedWithoutStackOverflow() {
    Frame f = enter(4);
    // n.ref = [next]: every other object on the chain is a one-element list
    Node head = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    Node prev = local(head, f, 1);
    line(f);
    for (int i = 1; i < MILLION / 2; i++) {
      Object[] box = local(alloc(new Object[1], f, 0), f, 2);
      line(f);
      putField(prev, prev.ref = box, Node.REF, f);
      line(f);
      prev = local(alloc(new Node(), f, 2), f, 1); // prev = box[0] = Node(), in two stores
      arrayStore(box, 0, prev, f);
      line(f);
    }
    local(null, f, 2);
    prev = local(null, f, 1);
    line(f);
    long freedBefore = heap.stats().freedByRefcount;

    head = local(null, f, 0);

    assertThat(heap.stats().freedByRefcount - freedBefore).isEqualTo(MILLION - 1L);
    exit(f);
  }

  /** Finalization order, recorded by {@link Indexed#del}. */
  static int[] order;

  static int finalized;

  /** {@code class Fin: __slots__ = ('i', 'ref'); def __del__(self): order.append(self.i)}. */
  static final class Indexed {
    static final int REF = Py.fieldId(Indexed.class, "ref");

    final int i;
    Object ref;

    Indexed(int i) {
      this.i = i;
    }

    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      order[finalized++] = i;
      exit(f);
    }
  }

  /**
   * CPython 3.12.1 finalizes a 100,000-node chain dropped at its head in chain order (0, 1, 2, ...:
   * subtype_dealloc runs {@code __del__} before clearing the slots; the trashcan, which defers
   * deallocations nested deeper than 50, keeps that order on a chain), and a list's items from the
   * last to the first (list_dealloc). Checked with:
   *
   * <pre>
   * head = Fin(0); prev = head
   * for i in range(1, N): n = Fin(i); prev.ref = n; prev = n
   * n = None; prev = None; head = None
   * print(order == list(range(N)))       # True
   * lst = [None] * 10
   * for i in range(10): lst[i] = Fin(i)
   * lst = None
   * print(order)                         # [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
   * </pre>
   */
  @Test
  void finalizersAlongAChainRunInChainOrderAndAListsFromItsLastItem() {
    int n = 100_000;
    order = new int[n];
    finalized = 0;
    Frame f = enter(4);
    Indexed head = local(alloc(new Indexed(0), f, 0), f, 0);
    line(f);
    Indexed prev = local(head, f, 1);
    line(f);
    for (int i = 1; i < n; i++) {
      Indexed next = local(alloc(new Indexed(i), f, 0), f, 2);
      line(f);
      putField(prev, prev.ref = next, Indexed.REF, f);
      line(f);
      prev = local(next, f, 1);
      line(f);
    }
    local(null, f, 2);
    prev = local(null, f, 1);
    line(f);
    head = local(null, f, 0);
    line(f);
    assertThat(finalized).isEqualTo(n);
    assertThat(order).containsExactly(IntStream.range(0, n).toArray());

    order = new int[10];
    finalized = 0;
    Object[] lst = local(alloc(new Object[10], f, 0), f, 3);
    line(f);
    for (int i = 0; i < 10; i++) {
      arrayStore(lst, i, alloc(new Indexed(i), f, 2), f);
      line(f);
    }
    lst = local(null, f, 3);
    line(f);
    assertThat(order).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(Arrays.stream(order).sum()).isEqualTo(45);
    exit(f);
  }
}
