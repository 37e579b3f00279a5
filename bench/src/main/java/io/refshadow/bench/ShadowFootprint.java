package io.refshadow.bench;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Shadow memory against the live heap it shadows: builds each shape with {@code n} objects twice in
 * this JVM, once with no shadow heap and once through an installed one, keeps it alive, and reads
 * the JVM's used heap after full collections. The difference is what the shadow costs: its nodes,
 * their edge arrays and the identity table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.refshadow.bench.ShadowFootprint [--n 1000000] [--mirror 16]
 * </pre>
 *
 * {@code --mirror 16} measures the agent's {@code mirror=1/16} (one object in 16 mirrored).
 */
public final class ShadowFootprint {
  private ShadowFootprint() {}

  public static void main(String[] args) {
    int n = 1_000_000;
    String shapes = "chain,pairs,cliques";
    int mirror = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n":
          n = Integer.parseInt(args[++i]);
          break;
        case "--shapes":
          shapes = args[++i];
          break;
        case "--mirror":
          mirror = Integer.parseInt(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.println(
        "| shape | objects | live heap B/object | shadow B/object | shadow / live heap |"
            + " estimated B/object (maxShadowMemory's) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String name : shapes.split(",")) {
      ShadowGraphs.Shape shape = ShadowGraphs.Shape.of(name);
      long live = footprint(shape, n, false, 1);
      long withShadow = footprint(shape, n, true, mirror);
      long shadow = withShadow - live;
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f | %.2f | %.1f |",
              name,
              n,
              (double) live / n,
              (double) shadow / n,
              (double) shadow / live,
              (double) lastEstimate / n));
    }
  }

  /** The shadow heap's own estimate of its size, from the last shadowed {@link #footprint}. */
  static long lastEstimate;

  /** Bytes the kept graph adds to the used heap (with its shadow, when {@code shadowed}). */
  static long footprint(ShadowGraphs.Shape shape, int n, boolean shadowed, int mirror) {
    ShadowHeap heap = shadowed ? new ShadowHeap(Profile.DEFAULT, null) : null;
    if (heap != null) {
      heap.mirrorOneIn(mirror);
    }
    ShadowHeap.install(heap);
    Frame f = null;
    if (shadowed) {
      Gc.disable(); // nothing to collect here: every graph is kept
      f = Hooks.enter(4);
      Hooks.line(f);
    }
    long before = usedAfterGc();
    Object root = ShadowGraphs.keep(shape.build(n), f, 1);
    long after = usedAfterGc();
    if (heap != null) {
      lastEstimate = heap.shadowBytes(); // what the budget and the heap guard's warning go by
    }
    java.lang.ref.Reference.reachabilityFence(root);
    if (shadowed) {
      Hooks.exit(f);
    }
    ShadowHeap.install(null);
    return after - before;
  }

  static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
