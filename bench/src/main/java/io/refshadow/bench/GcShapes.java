package io.refshadow.bench;

import io.refshadow.Gc;
import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java half of {@code bench/gc-vs-cpython}: builds each shape through the hooks (automatic
 * collection off, a fresh shadow heap per repetition) and times one {@code Gc.collect()}. Prints
 * one line per shape in the format {@code gc_shapes.py} prints, so that the script can join them:
 *
 * <pre>
 * shape=ring n=100000 collected=100000 median_ms=12.345 min_ms=11.900 reps=3 times_ms=12.3,11.9,13.0 jvm_gc_ms=0,0,4
 * </pre>
 *
 * with one more field, {@code jvm_gc_ms}: the JVM's own collection time inside each timed interval.
 *
 * <p>Arguments: {@code --n 100000 --reps 7 --warmup 5 --shapes pairs,ring,chain,cliques}, {@code
 * --node-field}: {@link Link} declares the node field the agent injects into application classes
 * ({@link NodeFieldLoader}), so the shadow keeps Links' nodes in it instead of its identity table;
 * and {@code --age MB}: between building and collecting, allocate that many MB of short-lived
 * garbage, so that the JVM's young collections move the graph to the old generation, as they move a
 * long-running program's (where they put the nodes, and the write barriers on old objects, decide
 * much of a collection's time at 10^6 objects: bench/README.md, Session 19).
 */
public final class GcShapes {
  private GcShapes() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    if (java.util.Arrays.asList(args).contains("--node-field")) {
      String[] rest =
          java.util.Arrays.stream(args)
              .filter(a -> !a.equals("--node-field"))
              .toArray(String[]::new);
      ClassLoader loader = new NodeFieldLoader(GcShapes.class.getClassLoader());
      java.lang.reflect.Field field =
          loader.loadClass(Link.class.getName()).getDeclaredField(io.refshadow.heap.NodeField.NAME);
      if (!field.isSynthetic()) {
        throw new IllegalStateException("not the agent's field: " + field);
      }
      loader
          .loadClass(GcShapes.class.getName())
          .getMethod("main", String[].class)
          .invoke(null, (Object) rest);
      return;
    }
    int n = 100_000;
    int reps = 7;
    int warmup = 5;
    String shapes = "pairs,ring,chain,cliques";
    int ageMb = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n":
          n = Integer.parseInt(args[++i]);
          break;
        case "--reps":
          reps = Integer.parseInt(args[++i]);
          break;
        case "--warmup":
          warmup = Integer.parseInt(args[++i]);
          break;
        case "--shapes":
          shapes = args[++i];
          break;
        case "--age":
          ageMb = Integer.parseInt(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    for (String name : shapes.split(",")) {
      ShadowGraphs.Shape shape = ShadowGraphs.Shape.of(name);
      List<Double> times = new ArrayList<>();
      List<Long> jvmPauses = new ArrayList<>();
      int collected = -1;
      for (int r = 0; r < warmup + reps; r++) {
        long[] result = collectOnce(shape, n, ageMb);
        collected = (int) result[0];
        if (r >= warmup) {
          times.add(result[1] / 1e6);
          jvmPauses.add(result[2]);
        }
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "shape=%s n=%d collected=%d median_ms=%.3f min_ms=%.3f reps=%d times_ms=%s"
                  + " jvm_gc_ms=%s",
              name,
              n,
              collected,
              Stats.median(times),
              times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
              reps,
              times.stream()
                  .map(t -> String.format(Locale.ROOT, "%.3f", t))
                  .collect(java.util.stream.Collectors.joining(",")),
              jvmPauses.stream()
                  .map(String::valueOf)
                  .collect(java.util.stream.Collectors.joining(","))));
    }
  }

  /**
   * Builds the shape in a fresh heap and times one full collection: {collected, nanos, the JVM's
   * own collection time in that interval in ms} (the JVM's collectors run meanwhile: a pause inside
   * the timed interval is part of what a program would wait, and shows why one repetition took
   * longer than the next).
   */
  static long[] collectOnce(ShadowGraphs.Shape shape, int n, int ageMb) {
    ShadowHeap.install(new ShadowHeap(Profile.DEFAULT, null));
    Gc.disable();
    Frame f = Hooks.enter(4);
    Hooks.line(f);
    Object root = shape.build(n);
    if (shape.kept()) {
      ShadowGraphs.keep(root, f, 1);
    } else {
      ShadowGraphs.drop(root, f);
      root = null;
    }
    // No System.gc() here: CPython's twin collects right after building too. (A JVM collection in
    // between makes the first Gc.collect() measurably slower; bench/README.md has the numbers.)
    age(ageMb);
    long jvm0 = jvmCollectionMillis();
    long t0 = System.nanoTime();
    int collected = Gc.collect();
    long t = System.nanoTime() - t0;
    long jvm = jvmCollectionMillis() - jvm0;
    java.lang.ref.Reference.reachabilityFence(root); // a kept graph is alive in the JVM too
    Hooks.exit(f);
    ShadowHeap.install(null);
    return new long[] {collected, t, jvm};
  }

  /** Where {@link #age} puts its garbage: read by no one, but the JIT cannot know that. */
  static volatile Object sink;

  /** Allocates {@code mb} MB of garbage in 1 KB arrays: the JVM's young collections run. */
  static void age(int mb) {
    for (long k = 0, count = mb * 1024L; k < count; k++) {
      sink = new byte[1000];
    }
    sink = null;
  }

  /** The JVM's collectors' accumulated collection time, in ms (their pauses, for G1). */
  static long jvmCollectionMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean b :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, b.getCollectionTime());
    }
    return sum;
  }
}
