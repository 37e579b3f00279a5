package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracer behind {@code io.refshadow.Memory}, fed the events the heap sends it: what it counts,
 * what it ignores, and that its own table finds every node it was given.
 */
class MemoryTracerTest {
  static final class Small {}

  static final class Other {}

  private ShadowHeap before;
  private MemoryTracer tracer;

  @BeforeEach
  void startTracing() {
    before = ShadowHeap.active;
    ShadowHeap.install(new ShadowHeap(Profile.DEFAULT, null));
    MemoryTracer.start();
    tracer = PyApi.call(MemoryTracer::require);
  }

  @AfterEach
  void restore() {
    MemoryTracer.stop();
    ShadowHeap.install(before);
  }

  private Node node(Class<?> type, long size) {
    return new Node(null, ClassInfo.of(type), size, null);
  }

  @Test
  void countsBytesUntilFreedAndKeepsThePeakUntilReset() {
    Node a = node(Small.class, 16);
    Node b = node(Small.class, 16);
    Node big = node(Other.class, 4000);
    tracer.onAllocation(a);
    tracer.onAllocation(b);
    tracer.onAllocation(big);
    assertThat(tracer.currentBytes()).isEqualTo(4032);
    tracer.onFree(big, false, null);
    assertThat(tracer.currentBytes()).isEqualTo(32);
    assertThat(tracer.peakBytes()).isEqualTo(4032);
    tracer.resetPeak();
    assertThat(tracer.peakBytes()).isEqualTo(32);
    assertThat(tracer.pymalloc().blocks()).isEqualTo(2);
    assertThat(tracer.pymalloc().largeBytes()).isZero();
    assertThat(tracer.byType())
        .containsExactly(new MemoryTracer.TypeStat(Small.class.getName(), 2, 32));
  }

  @Test
  void ignoresImmortalsAndFreesOfNodesItNeverSaw() {
    Node immortal = node(Small.class, 16);
    immortal.flags |= Node.IMMORTAL;
    tracer.onAllocation(immortal);
    tracer.onFree(node(Small.class, 16), false, null); // allocated before tracing started
    assertThat(tracer.currentBytes()).isZero();
    assertThat(tracer.objects()).isZero();
    assertThat(tracer.byType()).isEmpty();
  }

  @Test
  void startingTwiceKeepsOneTracerAndStoppingForgetsIt() {
    MemoryTracer.start();
    assertThat(PyApi.call(MemoryTracer::require)).isSameAs(tracer);
    MemoryTracer.stop();
    assertThat(MemoryTracer.isTracing()).isFalse();
    assertThatThrownBy(() -> PyApi.call(MemoryTracer::require))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Memory.start()");
  }

  @Test
  void findsEveryNodeThroughGrowthAndRemovals() {
    Random random = new Random(42);
    List<Node> alive = new ArrayList<>();
    long bytes = 0;
    for (int step = 0; step < 200_000; step++) {
      if (alive.isEmpty() || random.nextInt(3) > 0) {
        Node n = node(random.nextBoolean() ? Small.class : Other.class, 8 + random.nextInt(600));
        tracer.onAllocation(n);
        alive.add(n);
        bytes += n.size();
      } else {
        Node n = alive.remove(random.nextInt(alive.size()));
        tracer.onFree(n, false, null);
        bytes -= n.size();
      }
    }
    assertThat(tracer.objects()).isEqualTo(alive.size());
    assertThat(tracer.currentBytes()).isEqualTo(bytes);
    for (Node n : alive) {
      tracer.onFree(n, false, null);
    }
    assertThat(tracer.objects()).isZero();
    assertThat(tracer.currentBytes()).isZero();
    assertThat(tracer.pymalloc().blocks()).isZero();
    assertThat(tracer.pymalloc().largeObjects()).isZero();
    assertThat(tracer.byType()).isEmpty();
  }
}
