package io.refshadow.bench.workload;

import io.refshadow.bench.Stats;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the real workloads three ways in one run, each repetition set in its own forked JVM: plain,
 * under refshadow ({@code -javaagent:refshadow-agent.jar=summary=off}) and under
 * java-allocation-instrumenter (with a counting sampler). Rounds interleave the three (in a
 * rotating order) so that a change in the machine's load hits all of them alike. Prints a Markdown
 * table of medians and ratios to plain, the geometric mean of the ratios, and refshadow's precision
 * from one more run with {@code summary=<file>}. {@code bench/run-workloads} is the front end.
 */
public final class WorkloadHarness {
  /** The three ways a workload runs. */
  enum Mode {
    PLAIN("plain"),
    REFSHADOW("refshadow"),
    ALLOCINSTR("allocinstr");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /** Settings; {@link #quick()} and {@link #full()} are the two documented presets. */
  static final class Settings {
    List<String> workloads = List.of("jackson", "h2");
    Map<String, Integer> sizes = new LinkedHashMap<>();
    int rounds;
    int warmup;

    /** Each fork warms up for at least this long, after its {@link #warmup} repetitions. */
    double warmupSeconds;

    int reps;
    long timeoutSeconds;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> jvmArgs = List.of("-Xms2g", "-Xmx2g");
    Path agent = Path.of("agent/target/refshadow-agent.jar");

    /** Extra refshadow options for its runs, e.g. mirror=1/16 (--agent-options). */
    String agentOptions = "";

    Path allocInstr = Path.of("bench/target/agents/java-allocation-instrumenter.jar");
    Path classes = Path.of("bench/target/classes");
    Path libraries = Path.of("bench/target/workload-lib");
    Path output = Path.of("bench/target/workload-results.md");
    String preset;

    /**
     * A copy whose refshadow runs add {@code options} (null or empty: none) to {@link
     * #agentOptions}.
     */
    Settings withAgentOptions(String options) {
      Settings c = new Settings();
      c.workloads = workloads;
      c.sizes = sizes;
      c.rounds = rounds;
      c.warmup = warmup;
      c.warmupSeconds = warmupSeconds;
      c.reps = reps;
      c.timeoutSeconds = timeoutSeconds;
      c.java = java;
      c.jvmArgs = jvmArgs;
      c.agent = agent;
      c.allocInstr = allocInstr;
      c.classes = classes;
      c.libraries = libraries;
      c.output = output;
      c.preset = preset;
      boolean none = options == null || options.isEmpty();
      c.agentOptions =
          none ? agentOptions : agentOptions.isEmpty() ? options : agentOptions + "," + options;
      return c;
    }

    static Settings quick() {
      Settings s = new Settings();
      s.preset = "quick";
      s.sizes.put("jackson", 2000);
      s.sizes.put("h2", 1000);
      s.rounds = 1;
      s.warmup = 3;
      s.warmupSeconds = 2;
      s.reps = 5;
      s.timeoutSeconds = 600;
      return s;
    }

    static Settings full() {
      Settings s = new Settings();
      s.preset = "full";
      s.sizes.put("jackson", 10000);
      s.sizes.put("h2", 2000); // 4,000 until Session 12: superlinear, and plain was unsteady there
      s.rounds = 3;
      s.warmup = 5;
      // 5 s until Session 14: plain Jackson 10,000 then sometimes still ran at 240 ms a repetition
      // (its JIT not settled after 44 repetitions) where 20 s of warm-up gives a steady 29 ms
      s.warmupSeconds = 20;
      s.reps = 5;
      s.timeoutSeconds = 3600;
      return s;
    }
  }

  private WorkloadHarness() {}

  public static void main(String[] args) throws Exception {
    Settings s = parse(args);
    String header = environment(s);
    System.err.print(header);
    Map<String, Map<Mode, List<Double>>> times = new LinkedHashMap<>();
    Map<String, Map<Mode, List<Double>>> cpu = new LinkedHashMap<>();
    Map<String, Map<Mode, String>> checksums = new LinkedHashMap<>();
    for (int round = 0; round < s.rounds; round++) {
      for (String w : s.workloads) {
        Mode[] order = Mode.values();
        for (int k = 0; k < order.length; k++) {
          Mode mode = order[(k + round) % order.length];
          ForkOutput out = fork(s, w, mode, s.warmup, s.warmupSeconds, s.reps, null);
          times
              .computeIfAbsent(w, x -> new LinkedHashMap<>())
              .computeIfAbsent(mode, x -> new ArrayList<>())
              .addAll(out.repMillis);
          cpu.computeIfAbsent(w, x -> new LinkedHashMap<>())
              .computeIfAbsent(mode, x -> new ArrayList<>())
              .addAll(out.cpuMillis);
          String previous =
              checksums.computeIfAbsent(w, x -> new LinkedHashMap<>()).put(mode, out.checksum);
          if (previous != null && !previous.equals(out.checksum)) {
            System.err.println("WARNING: " + w + " " + mode.label + " checksum changed");
          }
          System.err.printf(
              Locale.ROOT,
              "round %d/%d  %-8s %-11s median %10.1f ms, CPU %10.1f ms  (%s; after %d warm-up)%n",
              round + 1,
              s.rounds,
              w,
              mode.label,
              Stats.median(out.repMillis),
              out.cpuMillis.isEmpty() ? Double.NaN : Stats.median(out.cpuMillis),
              out.repMillis.stream()
                  .map(v -> String.format(Locale.ROOT, "%.1f", v))
                  .collect(Collectors.joining(" ")),
              out.warmupReps);
        }
      }
    }
    Map<String, AgentSummary> summaries = new LinkedHashMap<>();
    for (String w : s.workloads) {
      Path file = Files.createTempFile("refshadow-summary-" + w, ".txt");
      fork(s, w, Mode.REFSHADOW, 0, 0, 1, file);
      summaries.put(w, AgentSummary.parse(Files.readString(file)));
      Files.deleteIfExists(file);
    }
    String table =
        header
            + "\n"
            + table(s, times, checksums, summaries)
            + cpuTable(s, cpu)
            + loadLine("at end");
    System.out.println(table);
    if (s.output.getParent() != null) {
      Files.createDirectories(s.output.getParent());
    }
    Files.writeString(s.output, table);
    System.err.println("written to " + s.output);
  }

  static Settings parse(String[] args) {
    Settings s = List.of(args).contains("--full") ? Settings.full() : Settings.quick();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick":
        case "--full":
          break;
        case "--workloads":
          s.workloads = List.of(args[++i].split(","));
          break;
        case "--size":
          {
            String[] kv = args[++i].split("=", 2); // --size jackson=5000
            s.sizes.put(kv[0], Integer.parseInt(kv[1]));
            break;
          }
        case "--rounds":
          s.rounds = Integer.parseInt(args[++i]);
          break;
        case "--warmup":
          s.warmup = Integer.parseInt(args[++i]);
          break;
        case "--warmup-seconds":
          s.warmupSeconds = Double.parseDouble(args[++i]);
          break;
        case "--reps":
          s.reps = Integer.parseInt(args[++i]);
          break;
        case "--java":
          s.java = args[++i];
          break;
        case "--jvm-args":
          s.jvmArgs = List.of(args[++i].trim().split("\\s+"));
          break;
        case "--agent":
          s.agent = Path.of(args[++i]);
          break;
        case "--agent-options":
          s.agentOptions = args[++i];
          break;
        case "--allocinstr":
          s.allocInstr = Path.of(args[++i]);
          break;
        case "--classes":
          s.classes = Path.of(args[++i]);
          break;
        case "--libraries":
          s.libraries = Path.of(args[++i]);
          break;
        case "--output":
          s.output = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    return s;
  }

  /**
   * Runs one forked JVM; a {@code summaryFile} makes it a refshadow run that writes its summary.
   */
  static ForkOutput fork(
      Settings s,
      String workload,
      Mode mode,
      int warmup,
      double warmupSeconds,
      int reps,
      Path summary)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(s.java);
    cmd.addAll(s.jvmArgs);
    switch (mode) {
      case REFSHADOW:
        cmd.add(
            "-javaagent:"
                + s.agent
                + "=summary="
                + (summary == null ? "off" : summary.toAbsolutePath().toString())
                + (s.agentOptions.isEmpty() ? "" : "," + s.agentOptions));
        break;
      case ALLOCINSTR:
        cmd.add("-javaagent:" + s.allocInstr);
        break;
      default:
        break;
    }
    cmd.add("-cp");
    cmd.add(classpath(s));
    cmd.add(WorkloadMain.class.getName());
    cmd.add(workload);
    cmd.add("--size");
    cmd.add(String.valueOf(s.sizes.get(workload)));
    cmd.add("--warmup");
    cmd.add(String.valueOf(warmup));
    cmd.add("--warmup-seconds");
    cmd.add(String.valueOf(warmupSeconds));
    cmd.add("--reps");
    cmd.add(String.valueOf(reps));
    if (mode == Mode.ALLOCINSTR) {
      cmd.add("--alloc-sampler");
    }
    Path stdout = Files.createTempFile("workload-out", ".txt");
    Path stderr = Files.createTempFile("workload-err", ".txt");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!p.waitFor(s.timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            workload + " " + mode.label + " timed out after " + s.timeoutSeconds + " s");
      }
      ForkOutput out = ForkOutput.parse(Files.readString(stdout));
      if (p.exitValue() != 0 || !out.complete(reps)) {
        throw new IllegalStateException(
            workload
                + " "
                + mode.label
                + " failed (exit "
                + p.exitValue()
                + "): "
                + String.join(" ", cmd)
                + "\n"
                + tail(Files.readString(stderr)));
      }
      return out;
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  static String classpath(Settings s) throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(s.classes.toString());
    try (Stream<Path> jars = Files.list(s.libraries)) {
      jars.filter(p -> p.toString().endsWith(".jar"))
          .sorted()
          .forEach(p -> entries.add(p.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * One workload's medians (plain, refshadow, allocinstr); adds refshadow's and the allocation
   * instrumenter's ratio to plain to the two lists.
   */
  private static double[] medians(
      Map<Mode, List<Double>> t, List<Double> refRatios, List<Double> allocRatios) {
    double plain = Stats.median(t.get(Mode.PLAIN));
    double ref = Stats.median(t.get(Mode.REFSHADOW));
    double alloc = Stats.median(t.get(Mode.ALLOCINSTR));
    refRatios.add(ref / plain);
    allocRatios.add(alloc / plain);
    return new double[] {plain, ref, alloc};
  }

  /** The results table (Markdown). */
  static String table(
      Settings s,
      Map<String, Map<Mode, List<Double>>> times,
      Map<String, Map<Mode, String>> checksums,
      Map<String, AgentSummary> summaries) {
    StringBuilder b = new StringBuilder();
    b.append(
        "| workload | size | plain ms | refshadow ms | allocinstr ms | refshadow / plain"
            + " | allocinstr / plain | refshadow precision | same output |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    List<Double> refRatios = new ArrayList<>();
    List<Double> allocRatios = new ArrayList<>();
    for (String w : s.workloads) {
      double[] m = medians(times.get(w), refRatios, allocRatios);
      double plain = m[0];
      double ref = m[1];
      double alloc = m[2];
      AgentSummary summary = summaries.get(w);
      boolean same = checksums.get(w).values().stream().distinct().count() == 1;
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f | %.1f | %.2f | %.2f | %s | %s |%n",
              w,
              s.sizes.get(w),
              plain,
              ref,
              alloc,
              ref / plain,
              alloc / plain,
              summary != null && summary.hasPrecision()
                  ? String.format(Locale.ROOT, "%.1f%%", summary.precisionPercent)
                  : "?",
              same ? "yes" : "NO"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "| **geomean** | | | | | **%.2f** | **%.2f** | | |%n",
            Stats.geomean(refRatios),
            Stats.geomean(allocRatios)));
    int samples = s.rounds * s.reps;
    b.append(
        String.format(
            Locale.ROOT,
            "%nMedians of %d timed repetitions per cell (%d round(s) x %d, after at least %d warm-up"
                + " repetitions and %.0f s of them in each forked JVM).%n",
            samples,
            s.rounds,
            s.reps,
            s.warmup,
            s.warmupSeconds));
    for (Map.Entry<String, AgentSummary> e : summaries.entrySet()) {
      AgentSummary a = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "refshadow summary, %s (1 repetition): %d allocated, %d adopted, %d pinned,"
                  + " internal failures %d, failed classes %d, failed methods %d%n",
              e.getKey(),
              a.allocated,
              a.adopted,
              a.pinned,
              a.internalFailures,
              a.failedClasses,
              a.failedMethods));
    }
    return b.toString();
  }

  /**
   * The same cells by the CPU time of the thread that ran the workload ({@code ThreadMXBean}): the
   * JVM's own threads (JIT, GC) are left out, and so is most of what other load on a shared machine
   * does to wall-clock time. Empty when the forks printed no CPU times.
   */
  static String cpuTable(Settings s, Map<String, Map<Mode, List<Double>>> cpu) {
    StringBuilder b = new StringBuilder();
    b.append(
        "\n| workload (workload thread's CPU time) | plain ms | refshadow ms | allocinstr ms"
            + " | refshadow / plain | allocinstr / plain |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    List<Double> refRatios = new ArrayList<>();
    List<Double> allocRatios = new ArrayList<>();
    for (String w : s.workloads) {
      Map<Mode, List<Double>> t = cpu.get(w);
      if (t == null || t.values().stream().anyMatch(List::isEmpty)) {
        return "";
      }
      double[] m = medians(t, refRatios, allocRatios);
      double plain = m[0];
      double ref = m[1];
      double alloc = m[2];
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
              w,
              plain,
              ref,
              alloc,
              ref / plain,
              alloc / plain));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "| **geomean** | | | | **%.2f** | **%.2f** |%n",
            Stats.geomean(refRatios),
            Stats.geomean(allocRatios)));
    return b.toString();
  }

  static String environment(Settings s) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(s.java, "-version").redirectErrorStream(true).start();
    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String vm =
        version
            .lines()
            .filter(l -> l.contains("VM"))
            .findFirst()
            .orElse(version.lines().findFirst().orElse("?"));
    return String.format(
        Locale.ROOT,
        "workloads (%s mode), %s%nJVM: %s; forked JVM options: %s%nmachine: %d cores%n%s",
        s.preset,
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        vm.trim(),
        String.join(" ", s.jvmArgs),
        Runtime.getRuntime().availableProcessors(),
        loadLine("at start"));
  }

  /** The machine's load average: the other builds sharing it are the main source of noise. */
  static String loadLine(String when) {
    try {
      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      return "load average " + when + ": " + load + "\n";
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String text) {
    String[] lines = text.split("\\R");
    int from = Math.max(0, lines.length - 30);
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
  }
}
