package io.refshadow.bench;

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
 * Threads mutating shared structures through the hooks: each operation stores one of a shared pool
 * of objects into a slot of a shared list ({@code aastore}) and into the field of a shared object
 * ({@code putfield}). Run with 1, 2 and 4 threads ({@code -t}, or {@link ThreadScaling}, which
 * prints the table); JMH reports the throughput summed over the threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThreadScalingBenchmark {
  static final int SLOTS = 64;

  /** The shared structures: module globals (static fields), as Python threads would share them. */
  static Object[] sharedList;

  static Link[] sharedOwners;
  static Link[] pool;

  static final int LIST_ID = Hooks.fieldId(ThreadScalingBenchmark.class.getName(), "sharedList");
  static final int OWNERS_ID =
      Hooks.fieldId(ThreadScalingBenchmark.class.getName(), "sharedOwners");
  static final int POOL_ID = Hooks.fieldId(ThreadScalingBenchmark.class.getName(), "pool");

  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"shadow", "none"})
    public String heap;

    @Setup(Level.Trial)
    public void setUp() {
      ShadowHeap.install("shadow".equals(heap) ? new ShadowHeap(Profile.DEFAULT, null) : null);
      Frame f = Hooks.enter(4);
      Object[] list = ShadowGraphs.newList(f, 1, SLOTS);
      Hooks.line(f);
      Hooks.putStatic(list, LIST_ID, f);
      sharedList = list;
      Link[] owners = new Link[SLOTS];
      Link[] values = new Link[16];
      Hooks.allocated(owners, f, 0);
      Hooks.putStatic(owners, OWNERS_ID, f);
      sharedOwners = owners;
      Hooks.allocated(values, f, 0);
      Hooks.putStatic(values, POOL_ID, f);
      pool = values;
      for (int i = 0; i < SLOTS; i++) {
        Link l = ShadowGraphs.newLink(f, 2);
        Hooks.line(f);
        Hooks.arrayStore(owners, i, l, f);
      }
      for (int i = 0; i < values.length; i++) {
        Link l = ShadowGraphs.newLink(f, 2);
        Hooks.line(f);
        Hooks.arrayStore(values, i, l, f);
      }
      Hooks.exit(f);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      ShadowHeap.install(null);
    }
  }

  /** Each thread's own function frame and position in the pool. */
  @State(Scope.Thread)
  public static class Worker {
    Frame frame;
    int seed;

    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      frame = Hooks.enter(4);
      Hooks.line(frame);
      seed = System.identityHashCode(this) | 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Hooks.exit(frame);
    }

    int nextRandom() {
      int x = seed; // xorshift: no shared state between threads
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      seed = x;
      return x;
    }
  }

  @Benchmark
  public void mutateShared(Shared shared, Worker w) {
    int r = w.nextRandom();
    Link v = pool[r & 15];
    Hooks.arrayStore(sharedList, (r >>> 4) & (SLOTS - 1), v, w.frame);
    Link owner = sharedOwners[(r >>> 10) & (SLOTS - 1)];
    Hooks.putField(owner, v, Link.NEXT, w.frame);
    owner.next = v;
  }
}
