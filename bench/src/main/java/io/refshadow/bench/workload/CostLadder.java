package io.refshadow.bench.workload;

import io.refshadow.bench.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where refshadow's cost on a workload comes from, rung by rung, each in its own forked JVMs in the
 * same run: the plain program; the rewritten bytecode whose hooks return at once ({@code
 * mirror=none}); hooks that keep the frames, take the lock and look every value up while they
 * mirror almost no object ({@code mirror=1/1024}); a sixteenth of the objects ({@code
 * mirror=1/16}); and all of them (the default). Rounds interleave the rungs in a rotating order, as
 * {@link WorkloadHarness} does, and the table gives each rung's median and its ratio to plain and
 * to the rung below, by the workload thread's CPU time. {@code bench/cost-ladder} is the front end;
 * it takes {@link WorkloadHarness}'s options.
 */
public final class CostLadder {
  /** One rung: the agent options of its runs (null: no agent) and what it adds. */
  record Rung(String name, String options, String adds) {}

  static final List<Rung> RUNGS =
      List.of(
          new Rung("plain", null, "the program alone"),
          new Rung(
              "mirror=none",
              "mirror=none",
              "the rewritten bytecode: every hook called, each returns at its first test"),
          new Rung(
              "mirror=1/1024",
              "mirror=1/1024",
              "shadow frames, the heap's lock, a lookup per value; almost no node made"),
          new Rung("mirror=1/16", "mirror=1/16", "a sixteenth of the objects mirrored"),
          new Rung("all", "", "every object mirrored (the default)"));

  private CostLadder() {}

  public static void main(String[] args) throws Exception {
    WorkloadHarness.Settings s = WorkloadHarness.parse(args);
    if (!List.of(args).contains("--output")) {
      s.output = java.nio.file.Path.of("bench/target/cost-ladder.md");
    }
    String header = WorkloadHarness.environment(s);
    System.err.print(header);
    // workload -> rung -> timed repetitions
    Map<String, Map<String, List<Double>>> wall = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    for (int round = 0; round < s.rounds; round++) {
      for (String w : s.workloads) {
        for (int k = 0; k < RUNGS.size(); k++) {
          Rung rung = RUNGS.get((k + round) % RUNGS.size());
          WorkloadHarness.Settings forRung = s.withAgentOptions(rung.options());
          ForkOutput out =
              WorkloadHarness.fork(
                  forRung,
                  w,
                  rung.options() == null
                      ? WorkloadHarness.Mode.PLAIN
                      : WorkloadHarness.Mode.REFSHADOW,
                  s.warmup,
                  s.warmupSeconds,
                  s.reps,
                  null);
          wall.computeIfAbsent(w, x -> new LinkedHashMap<>())
              .computeIfAbsent(rung.name(), x -> new ArrayList<>())
              .addAll(out.repMillis);
          cpu.computeIfAbsent(w, x -> new LinkedHashMap<>())
              .computeIfAbsent(rung.name(), x -> new ArrayList<>())
              .addAll(out.cpuMillis);
          String first = checksums.putIfAbsent(w, out.checksum);
          if (first != null && !first.equals(out.checksum)) {
            mismatches.add(w + " " + rung.name());
          }
          System.err.printf(
              Locale.ROOT,
              "round %d/%d  %-8s %-14s median %9.1f ms, CPU %9.1f ms  (%s)%n",
              round + 1,
              s.rounds,
              w,
              rung.name(),
              Stats.median(out.repMillis),
              out.cpuMillis.isEmpty() ? Double.NaN : Stats.median(out.cpuMillis),
              out.repMillis.stream()
                  .map(v -> String.format(Locale.ROOT, "%.1f", v))
                  .collect(Collectors.joining(" ")));
        }
      }
    }
    String table =
        header + "\n" + table(s, wall, cpu, mismatches) + WorkloadHarness.loadLine("at end");
    System.out.println(table);
    if (s.output.getParent() != null) {
      java.nio.file.Files.createDirectories(s.output.getParent());
    }
    java.nio.file.Files.writeString(s.output, table);
    System.err.println("written to " + s.output);
  }

  /**
   * The ladder as Markdown: per workload and rung, the medians, the ratio to plain and the step
   * from the rung below (by CPU time where the forks printed it), then the geometric mean of the
   * ratios to plain over the workloads.
   */
  static String table(
      WorkloadHarness.Settings s,
      Map<String, Map<String, List<Double>>> wall,
      Map<String, Map<String, List<Double>>> cpu,
      List<String> mismatches) {
    StringBuilder b = new StringBuilder();
    b.append("| workload | rung | adds | wall ms | CPU ms | × plain (CPU) | × rung below |\n");
    b.append("|---|---|---|---:|---:|---:|---:|\n");
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (String w : s.workloads) {
      double plain = Double.NaN;
      double below = Double.NaN;
      for (Rung rung : RUNGS) {
        double ms = Stats.median(wall.get(w).get(rung.name()));
        List<Double> c = cpu.get(w).get(rung.name());
        double cpuMs = c.isEmpty() ? ms : Stats.median(c);
        if (rung.options() == null) {
          plain = cpuMs;
        }
        double ratio = cpuMs / plain;
        ratios.computeIfAbsent(rung.name(), x -> new ArrayList<>()).add(ratio);
        b.append(
            String.format(
                Locale.ROOT,
                "| %s %,d | %s | %s | %.1f | %.1f | %.2f | %s |%n",
                w,
                s.sizes.get(w),
                rung.name(),
                rung.adds(),
                ms,
                cpuMs,
                ratio,
                Double.isNaN(below) ? "" : String.format(Locale.ROOT, "%.2f", cpuMs / below)));
        below = cpuMs;
      }
    }
    b.append("\n| rung | geomean × plain (CPU) |\n|---|---:|\n");
    for (Rung rung : RUNGS) {
      b.append(
          String.format(
              Locale.ROOT, "| %s | %.2f |%n", rung.name(), Stats.geomean(ratios.get(rung.name()))));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nMedians of %d timed repetitions per cell (%d round(s) x %d, after at least %d warm-up"
                + " repetitions and %.0f s of them in each forked JVM). Same output on every rung:"
                + " %s.%n",
            s.rounds * s.reps,
            s.rounds,
            s.reps,
            s.warmup,
            s.warmupSeconds,
            mismatches.isEmpty() ? "yes" : "NO (" + String.join(", ", mismatches) + ")"));
    return b.toString();
  }
}
