package io.refshadow.heap;

import static io.refshadow.Hooks.exit;
import static io.refshadow.twin.Py.alloc;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Hooks;
import io.refshadow.twin.Node;
import org.junit.jupiter.api.Test;

/**
 * A caller's temporary passed as an argument moves into the frame of the method the caller called
 * (CPython 3.12 moves call arguments into the new frame), and only into that one: when the caller's
 * call went to a method that keeps no frame (the agent leaves methods that only pass their
 * arguments on without one) and that method calls another, the temporary stays with the caller
 * until its call returns. Had the inner method taken it, the object would die when the inner call
 * returned, while the outer method still had it.
 */
class CallTokenTest extends InstalledHeap {
  private static final int G = Hooks.callToken("g", "(Ljava/lang/Object;)V");
  private static final int M = Hooks.callToken("m", "(Ljava/lang/Object;)V");

  private int refcount(Object o) {
    return heap.nodeOf(o).refcount();
  }

  @Test
  void tokensAreNeverZeroAndDifferByNameAndDescriptor() {
    assertThat(G).isNotZero().isNotEqualTo(M);
    assertThat(Hooks.callToken("g", "(Ljava/lang/Object;)I")).isNotEqualTo(G);
    assertThat(Hooks.callToken("g", "(Ljava/lang/Object;)V")).isEqualTo(G);
  }

  @Test
  void aTemporaryMovesIntoTheMethodTheCallerCalled() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0);
    k.callToken = G;
    Frame g = Hooks.enterArgs(0, 1, G, x, 0);
    assertThat(refcount(x)).as("held once: by g's parameter, no longer by k").isEqualTo(1);
    assertThat(k.tempCount).isZero();
    exit(g);
    assertThat(heap.nodeOf(x)).as("freed when g, its only holder, returned").isNull();
    Hooks.called(k, 0);
    exit(k);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void throughAMethodWithoutAFrameTheTemporaryStaysWithTheCallerUntilItsCallReturns() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0);
    k.callToken = M; // k calls m(x); m keeps no frame and calls g(x) twice
    Frame g = Hooks.enterArgs(0, 1, G, x, 0);
    assertThat(refcount(x)).as("k's temporary and g's parameter").isEqualTo(2);
    exit(g);
    assertThat(heap.nodeOf(x)).as("still k's temporary after the first g").isNotNull();
    assertThat(refcount(x)).isEqualTo(1);
    Frame g2 = Hooks.enterArgs(0, 1, G, x, 0);
    assertThat(refcount(x)).isEqualTo(2);
    exit(g2);
    assertThat(refcount(x)).isEqualTo(1);
    Hooks.called(k, 0); // m returns to k, which releases the argument
    assertThat(heap.nodeOf(x)).as("freed when k's call of m returned").isNull();
    exit(k);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void aMethodWithoutATokenTakesTheTemporaryWhateverTheCallerCalled() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0);
    k.callToken = M;
    Frame g = Hooks.enterArgs(0, 1, 0, x, 0); // code written by hand: no token
    assertThat(refcount(x)).isEqualTo(1);
    exit(g);
    assertThat(heap.nodeOf(x)).isNull();
    Hooks.called(k, 0);
    exit(k);
  }

  @Test
  void theArgumentsBeyondTheThirdFollowTheSameRule() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0);
    k.callToken = M;
    Frame g = Hooks.enter(0, 2, G);
    Hooks.arg(x, g, 1);
    assertThat(refcount(x)).as("not taken: k called another method").isEqualTo(2);
    exit(g);
    assertThat(refcount(x)).isEqualTo(1);
    Hooks.called(k, 0);
    assertThat(heap.nodeOf(x)).isNull();
    exit(k);
  }
}
