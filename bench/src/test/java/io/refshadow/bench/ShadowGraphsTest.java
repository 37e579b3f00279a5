package io.refshadow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark graphs are what their names say in the shadow heap: a collection finds the same
 * number of unreachable objects that CPython's gc.collect() finds for gc_shapes.py's twins.
 */
class ShadowGraphsTest {
  private Frame frame;

  @BeforeEach
  void freshHeap() {
    ShadowHeap.install(new ShadowHeap(Profile.DEFAULT, null));
    Gc.disable();
    frame = Hooks.enter(4);
    Hooks.line(frame);
  }

  @AfterEach
  void uninstall() {
    Hooks.exit(frame);
    ShadowHeap.install(null);
  }

  @Test
  void aKeptChainIsAllReachable() {
    Object head = ShadowGraphs.keep(ShadowGraphs.chain(1000), frame, 1);
    assertThat(Gc.collect()).isZero();
    assertThat(head).isNotNull();
  }

  @Test
  void aDroppedRingIsOneCycleOfGarbage() {
    ShadowGraphs.drop(ShadowGraphs.ring(1000), frame);
    assertThat(Gc.collect()).isEqualTo(1000);
  }

  @Test
  void droppedPairsAreManySmallCyclesOfGarbage() {
    ShadowGraphs.drop(ShadowGraphs.pairs(1000), frame);
    assertThat(Gc.collect()).isEqualTo(1000);
  }

  @Test
  void droppedCliquesAreGarbageWithEveryMember() {
    ShadowGraphs.drop(ShadowGraphs.cliques(1000, ShadowGraphs.CLIQUE_SIZE), frame);
    assertThat(Gc.collect()).isEqualTo(1000);
  }

  @Test
  void aKeptRingSurvivesTheCollectionAndIsFreedWhenItsFrameEnds() {
    ShadowGraphs.keep(ShadowGraphs.ring(100), frame, 1);
    assertThat(Gc.collect()).isZero();
    Hooks.storeLocal(null, frame, 1); // del x
    assertThat(Gc.collect()).isEqualTo(100);
  }
}
