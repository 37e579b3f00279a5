package io.refshadow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints the thread-scaling table: {@link ThreadScalingBenchmark} with 1, 2 and 4 threads, with and
 * without a shadow heap, throughput relative to one thread.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.refshadow.bench.ThreadScaling [--quick]
 * </pre>
 */
public final class ThreadScaling {
  private ThreadScaling() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    int[] threads = {1, 2, 4};
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (String heap : new String[] {"shadow", "none"}) {
      double[] s = new double[threads.length];
      for (int i = 0; i < threads.length; i++) {
        ChainedOptionsBuilder o =
            new OptionsBuilder()
                .include(ThreadScalingBenchmark.class.getName() + ".mutateShared")
                .param("heap", heap)
                .threads(threads[i])
                .forks(1);
        if (quick) {
          o.warmupIterations(2)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(3)
              .measurementTime(TimeValue.seconds(1));
        }
        RunResult r = new Runner(o.build()).runSingle();
        s[i] = r.getPrimaryResult().getScore();
      }
      scores.put(heap, s);
    }
    System.out.println();
    System.out.println(table(threads, scores));
  }

  /** The Markdown table: one row per thread count, ops/s and the ratio to 1 thread per heap. */
  static String table(int[] threads, Map<String, double[]> scores) {
    StringBuilder b = new StringBuilder();
    List<String> heads = new ArrayList<>();
    b.append("| threads |");
    for (String heap : scores.keySet()) {
      b.append(" heap=").append(heap).append(" ops/s | vs 1 thread |");
      heads.add(heap);
    }
    b.append("\n|---|");
    b.append("---:|---:|".repeat(heads.size()));
    b.append('\n');
    for (int i = 0; i < threads.length; i++) {
      b.append("| ").append(threads[i]).append(" |");
      for (String heap : heads) {
        double[] s = scores.get(heap);
        b.append(String.format(Locale.ROOT, " %,.0f | %.2f |", s[i], s[i] / s[0]));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
