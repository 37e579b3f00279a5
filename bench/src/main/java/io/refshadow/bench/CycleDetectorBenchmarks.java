package io.refshadow.bench;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Gc.collect()} (a full collection, as {@code gc.collect()}) on shadow graphs built through
 * the hooks with real objects ({@link ShadowGraphs}). Automatic collection is disabled while a
 * graph is built, so each collection sees the whole graph in one generation, as in {@code
 * gc-vs-cpython}.
 *
 * <ul>
 *   <li>{@link #collectLive}: the graph stays alive (held by a frame local); every collection
 *       traverses it and finds nothing. Average time per collection.
 *   <li>{@link #collectGarbage}: the graph is dropped before the collection, which frees it; built
 *       anew before each iteration, one collection timed per iteration (single shot).
 * </ul>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CycleDetectorBenchmarks {

  /** A fresh heap with automatic collection off, and a frame (an outer function) for roots. */
  static Frame freshHeap() {
    ShadowHeap.install(new ShadowHeap(Profile.DEFAULT, null));
    Gc.disable();
    Frame f = Hooks.enter(4);
    Hooks.line(f);
    return f;
  }

  @State(Scope.Thread)
  public static class LiveGraph {
    @Param({"10000", "100000", "1000000"})
    public int nodes;

    @Param({"chain", "ring", "pairs"})
    public String shape;

    private Frame frame;
    private Object root;

    @Setup(Level.Trial)
    public void build() {
      frame = freshHeap();
      root = ShadowGraphs.keep(ShadowGraphs.Shape.of(shape).build(nodes), frame, 1);
      Gc.collect(); // the graph now sits in the oldest generation, as a long-lived structure does
    }

    @TearDown(Level.Trial)
    public void release() {
      Hooks.exit(frame);
      root = null;
      ShadowHeap.install(null);
    }
  }

  @State(Scope.Thread)
  public static class GarbageGraph {
    @Param({"10000", "100000", "1000000"})
    public int nodes;

    @Param({"pairs", "ring", "cliques"})
    public String shape;

    private Frame frame;

    @Setup(Level.Iteration)
    public void build() {
      frame = freshHeap();
      ShadowGraphs.drop(ShadowGraphs.Shape.of(shape).build(nodes), frame);
    }

    @TearDown(Level.Iteration)
    public void release() {
      Hooks.exit(frame);
      ShadowHeap.install(null);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int collectLive(LiveGraph g) {
    return Gc.collect();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int collectGarbage(GarbageGraph g) {
    return Gc.collect();
  }
}
