package io.refshadow.heap;

import static io.refshadow.Hooks.exit;
import static io.refshadow.twin.Py.alloc;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Hooks;
import io.refshadow.twin.Node;
import org.junit.jupiter.api.Test;

/**
 * A caller's temporaries passed as a call's receiver and arguments move into the called method's
 * frame (CPython 3.12 moves call arguments into the new frame), but only those: the caller's code
 * says where its call's operands start ({@link Frame#callPosition}), and a temporary below that
 * waits for an outer call. In {@code use(make(), g(x))} with {@code x} the object {@code make()}
 * returned, {@code g} must not take {@code make()}'s temporary: it would die when {@code g}
 * returned, before {@code use} ran.
 */
class CallPositionTest extends InstalledHeap {

  private int refcount(Object o) {
    return heap.nodeOf(o).refcount();
  }

  @Test
  void theCallsOwnTemporaryMovesIntoTheCalledFrame() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0);
    k.callPosition = 0; // k calls g(x): its operands start at 0
    Frame g = Hooks.enterArgs(1, x, 0, null, 1);
    assertThat(refcount(x)).as("held once: by g's parameter, no longer by k").isEqualTo(1);
    assertThat(k.tempCount).isZero();
    exit(g);
    assertThat(heap.nodeOf(x)).as("freed when g, its only holder, returned").isNull();
    Hooks.called(k, 0);
    exit(k);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void aTemporaryBelowTheCallsOperandsStaysWithTheCaller() {
    Frame k = Hooks.enter(1);
    Node x = alloc(new Node(), k, 0); // use(make(), ...): the first operand of a later call
    k.callPosition = 1; // k calls g(x) at position 1, x being the temporary at 0
    Frame g = Hooks.enterArgs(1, x, 0, null, 1);
    assertThat(refcount(x)).as("k's temporary and g's parameter").isEqualTo(2);
    exit(g);
    assertThat(heap.nodeOf(x)).as("still k's temporary after g returned").isNotNull();
    assertThat(refcount(x)).isEqualTo(1);
    Hooks.called(k, 0); // use(...) returns: its operands are released
    assertThat(heap.nodeOf(x)).isNull();
    exit(k);
    assertThat(heap.stats().invariantViolations).isZero();
  }

  @Test
  void theArgumentsBeyondTheThirdFollowTheSameRule() {
    Frame k = Hooks.enter(1);
    Node below = alloc(new Node(), k, 0);
    Node operand = alloc(new Node(), k, 1);
    k.callPosition = 1;
    Frame g = Hooks.enter(3);
    Hooks.arg(below, g, 1);
    Hooks.arg(operand, g, 2);
    assertThat(refcount(below)).as("below the call: not taken").isEqualTo(2);
    assertThat(refcount(operand)).as("the call's operand: taken").isEqualTo(1);
    exit(g);
    assertThat(heap.nodeOf(operand)).isNull();
    assertThat(refcount(below)).isEqualTo(1);
    Hooks.called(k, 0);
    assertThat(heap.nodeOf(below)).isNull();
    exit(k);
  }

  @Test
  void aFrameWhoseCodeStoresNoPositionLetsItsCalleeTakeAnyTemporary() {
    Frame k = Hooks.enter(1); // code written by hand (every twin in this module): no position
    Node x = alloc(new Node(), k, 0);
    Node y = alloc(new Node(), k, 1);
    Frame g = Hooks.enterArgs(1, x, 0, null, 1);
    assertThat(refcount(x)).isEqualTo(1);
    exit(g);
    assertThat(heap.nodeOf(x)).isNull();
    assertThat(refcount(y)).isEqualTo(1);
    Hooks.called(k, 0);
    exit(k);
  }
}
