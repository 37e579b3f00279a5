package io.refshadow.bench.workload;

import java.util.Locale;

/**
 * One forked JVM of the workload harness: runs a workload's warm-up and timed repetitions and
 * prints one {@code rep <i> <milliseconds>} line per timed repetition (and a {@code cpu <i>
 * <milliseconds>} line: the CPU time of the thread running it) and a {@code checksum} line
 * (identical whatever agent is attached, or the agent changed the program's behaviour).
 *
 * <pre>
 * java [-javaagent:...] -cp bench/target/classes:bench/target/workload-lib/* \
 *     io.refshadow.bench.workload.WorkloadMain jackson --size 5000 --warmup 3 --reps 5
 * </pre>
 *
 * {@code --warmup-seconds S} goes on warming up after the {@code --warmup} repetitions until S
 * seconds have passed (a fast configuration needs many more repetitions than a slow one before its
 * JIT settles: plain H2 at 2,000 rows still alternated between 83 and 160 ms after 5); the count it
 * ran is printed as {@code warmup <n>}.
 *
 * <p>{@code --alloc-sampler} registers {@link AllocationCounter} (java-allocation-instrumenter must
 * be the attached agent). {@code --jfr FILE} records the timed repetitions (not the warm-up) with
 * JFR's {@code profile} settings: the steady state, which is what {@code bench/profile-workload}
 * summarizes. {@code --sample-ms N} samples the running threads every N ms instead of the settings'
 * 10 (JFR takes 1 at least): about 250 samples for Jackson's 15 repetitions at 10 ms, too few to
 * split a hook's time between its callees.
 *
 * <p>{@code --heap-after} prints, after the repetitions, the used heap after three full GCs ({@code
 * heap-after-gc <KiB>}); under refshadow it then runs {@code gc.collect()} and prints it again
 * ({@code heap-after-collect <KiB>}): set against a plain run's figure, the shadow's memory at that
 * point, with and without the cyclic garbage CPython's rules still hold (bench/README, Session 16).
 */
public final class WorkloadMain {
  private WorkloadMain() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    int size = 1000;
    int warmup = 3;
    int reps = 5;
    double warmupSeconds = 0;
    boolean sampler = false;
    String jfr = null;
    int sampleMs = 0;
    boolean heapAfter = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--size":
          size = Integer.parseInt(args[++i]);
          break;
        case "--warmup":
          warmup = Integer.parseInt(args[++i]);
          break;
        case "--warmup-seconds":
          warmupSeconds = Double.parseDouble(args[++i]);
          break;
        case "--reps":
          reps = Integer.parseInt(args[++i]);
          break;
        case "--alloc-sampler":
          sampler = true;
          break;
        case "--jfr":
          jfr = args[++i];
          break;
        case "--sample-ms":
          sampleMs = Integer.parseInt(args[++i]);
          if (sampleMs < 1) {
            throw new IllegalArgumentException(
                "--sample-ms must be at least 1 (JFR samples no faster), got " + sampleMs);
          }
          break;
        case "--heap-after":
          heapAfter = true;
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (sampler) {
      AllocationCounter.install();
    }
    Workload w = Workload.named(name, size);
    long checksum = 0;
    long warmupStart = System.nanoTime();
    int warmed = 0;
    while (warmed < warmup || System.nanoTime() - warmupStart < warmupSeconds * 1e9) {
      checksum = w.run();
      warmed++;
    }
    System.out.println("warmup " + warmed);
    jdk.jfr.Recording recording = null;
    if (jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      if (sampleMs > 0) {
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(sampleMs));
      }
      recording.start();
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < reps; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      checksum = w.run();
      long t = System.nanoTime() - t0;
      long c = threads.getCurrentThreadCpuTime() - c0;
      System.out.println(String.format(Locale.ROOT, "rep %d %.3f", i, t / 1e6));
      // the workload thread's own CPU time: much less disturbed by other load than wall clock
      System.out.println(String.format(Locale.ROOT, "cpu %d %.3f", i, c / 1e6));
    }
    if (recording != null) {
      recording.stop();
      recording.dump(java.nio.file.Path.of(jfr));
    }
    System.out.println("checksum " + checksum);
    if (sampler) {
      System.out.println("allocations-sampled " + AllocationCounter.count);
    }
    if (heapAfter) {
      System.out.println("heap-after-gc " + usedHeapAfterFullGcs());
      Class<?> gc = refshadowGc();
      if (gc != null) {
        gc.getMethod("collect").invoke(null);
        System.out.println("heap-after-collect " + usedHeapAfterFullGcs());
      }
    }
  }

  /** refshadow's {@code Gc} when its agent is attached (on the boot class path), else null. */
  private static Class<?> refshadowGc() {
    try {
      return Class.forName("io.refshadow.Gc", true, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static long usedHeapAfterFullGcs() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200); // the reference handler hands the shadow what the JVM reclaimed
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        / 1024;
  }
}
