package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The agent never changes what the host does: host faults (reliability.HostBehaviours, with and
 * without the agent: same output, same exit status, the summary written), refshadow's own faults (a
 * test-only switch makes every hook fail inside refshadow) and a shadow-memory budget.
 */
class ReliabilityIT {
  private static final String AGENT = System.getProperty("refshadow.agent.jar");

  record Run(int exit, List<String> stdout, String stderr) {}

  private static Run run(List<String> jvmArgs, String agentOptions, String main, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    if (agentOptions != null) {
      cmd.add("-javaagent:" + AGENT + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    cmd.add("-cp");
    cmd.add(ProgramsUnderAgentIT.libraryClassPath());
    cmd.add(main);
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("refshadow-reliability", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(), stderr);
  }

  @Test
  void aFailureInsideEveryHookNeverReachesTheHostAndIsReportedOncePerHook() throws Exception {
    Run plain = run(List.of(), null, "realworld.LibraryWorkload");
    Run faulty =
        run(List.of("-Drefshadow.test.fault=true"), "summary=stderr", "realworld.LibraryWorkload");
    assertThat(faulty.exit()).as(faulty.stderr()).isZero();
    assertThat(faulty.stdout()).isEqualTo(plain.stdout());
    List<String> reports =
        faulty
            .stderr()
            .lines()
            .filter(l -> l.startsWith("refshadow: internal failure in "))
            .toList();
    assertThat(reports).as("the failures are reported").isNotEmpty();
    long places =
        reports.stream()
            .map(l -> l.substring(0, Math.max(0, l.indexOf(" (reported once"))))
            .distinct()
            .count();
    assertThat(places)
        .as("each failing place reported once, however often")
        .isEqualTo(reports.size());
    assertThat(faulty.stderr()).containsPattern("internal failures\\s+[1-9]\\d*");
    // reporting a failure must not fail again inside the report (it once recursed until the stack
    // overflowed inside class loading, and the JVM printed "transform method call failed")
    assertThat(faulty.stderr()).doesNotContain("ASSERTION FAILED").doesNotContain("StackOverflow");
    // every class fails: each is switched off, but a storm of warnings stays short
    java.util.regex.Matcher off =
        java.util.regex.Pattern.compile("classes switched off\\s+(\\d+)").matcher(faulty.stderr());
    assertThat(off.find()).as(faulty.stderr()).isTrue();
    assertThat(Integer.parseInt(off.group(1))).isGreaterThan(11);
    assertThat(faulty.stderr().lines().filter(l -> l.contains("is switched off after")))
        .hasSize(10);
    assertThat(faulty.stderr().lines().filter(l -> l.contains("more classes are switched off")))
        .hasSize(1);
  }

  /** The CPython twin's real output for reliability.PerClassFault, up to its "done" line. */
  private static List<String> perClassFaultExpected() throws Exception {
    try (var in = ReliabilityIT.class.getResourceAsStream("/reliability/per_class_fault.out")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return lines.subList(0, lines.indexOf("done") + 1);
    }
  }

  private static List<String> upToDone(List<String> lines) {
    int done = lines.indexOf("done");
    return done < 0 ? lines : lines.subList(0, done + 1);
  }

  @Test
  void aClassWhoseHooksFailIsSwitchedOffAloneAndWhatItHoldsIsNeverReportedFreed() throws Exception {
    String keeper = "reliability.PerClassFault$Keeper";
    Run plain = run(List.of(), null, "reliability.PerClassFault");
    Run healthy = run(List.of(), "summary=stderr", "reliability.PerClassFault");
    Run faulty =
        run(
            List.of("-Drefshadow.test.fault=" + keeper),
            "summary=stderr",
            "reliability.PerClassFault");
    List<String> expected = perClassFaultExpected();
    assertThat(upToDone(healthy.stdout())).as(healthy.stderr()).isEqualTo(expected);
    // Keeper's constructor fails first: from then on Keeper's frames pin what they store, so b and
    // c (held by the keeper) are not freed when main drops them, while a, d and e (main's and
    // Box's) are freed exactly where CPython frees them
    assertThat(faulty.exit()).as(faulty.stderr()).isZero();
    assertThat(upToDone(faulty.stdout())).as(faulty.stderr()).isEqualTo(expected);
    assertThat(faulty.stdout().stream().filter(l -> !l.startsWith("  freed ")).toList())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    List<String> switchedOff =
        faulty.stderr().lines().filter(l -> l.contains("is switched off after")).toList();
    assertThat(switchedOff).hasSize(1);
    assertThat(switchedOff.get(0))
        .startsWith("refshadow: instrumentation of class " + keeper + " is switched off");
    // one failure only: Keeper's 100 later calls run degraded and fail no more
    assertThat(faulty.stderr().lines().filter(l -> l.startsWith("refshadow: internal failure in ")))
        .hasSize(1);
    assertThat(faulty.stderr())
        .containsPattern("internal failures\\s+1\\n")
        .containsPattern(
            "classes switched off\\s+1 \\(" + java.util.regex.Pattern.quote(keeper) + "\\)");
    assertThat(healthy.stderr()).containsPattern("internal failures\\s+0\\n");
    assertThat(healthy.stderr()).doesNotContain("switched off");
  }

  @Test
  void aShadowMemoryBudgetStopsMirroringWithOneWarningAndTheProgramRunsOn() throws Exception {
    Run plain = run(List.of(), null, "realworld.LibraryWorkload");
    Run budget = run(List.of(), "maxShadowMemory=1m,summary=stderr", "realworld.LibraryWorkload");
    assertThat(budget.exit()).as(budget.stderr()).isZero();
    assertThat(budget.stdout()).isEqualTo(plain.stdout());
    long warnings =
        budget.stderr().lines().filter(l -> l.contains("reached its budget of 1048576")).count();
    assertThat(warnings).isEqualTo(1);
    assertThat(budget.stderr()).contains("mirroring stopped at the maxShadowMemory budget");
  }

  @Test
  void beyondEightyPercentOfTheBudgetNewObjectsAreSampledThenMirroringStops() throws Exception {
    Run plain = run(List.of(), null, "reliability.BudgetGrowth");
    Run budget = run(List.of(), "maxShadowMemory=1m,summary=stderr", "reliability.BudgetGrowth");
    assertThat(budget.exit()).as(budget.stderr()).isZero();
    List<String> out = budget.stdout();
    assertThat(out.stream().filter(l -> !l.startsWith("  freed ")).toList())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    List<String> stderr = budget.stderr().lines().toList();
    int sampling = -1;
    int stop = -1;
    for (int i = 0; i < stderr.size(); i++) {
      if (stderr.get(i).contains("reached 80% of its budget of 1048576 bytes")) {
        assertThat(sampling).as("one sampling warning").isEqualTo(-1);
        sampling = i;
      }
      if (stderr.get(i).contains("reached its budget of 1048576 bytes (option maxShadowMemory)")) {
        assertThat(stop).as("one stop warning").isEqualTo(-1);
        stop = i;
      }
    }
    assertThat(sampling).as(budget.stderr()).isNotNegative();
    assertThat(stop).as("sampling comes first, then stopping").isGreaterThan(sampling);
    assertThat(stderr.get(stop)).contains("while sampling");
    // the 2,000 items are made after sampling started: about 1 in 16 is mirrored, and each of
    // those is freed exactly where it is dropped (its line comes right before "dropped i")
    List<Integer> freed = freedWhereDropped(out);
    assertThat(freed.size()).as("a 1-in-16 sample of 2000: %s", freed).isBetween(40, 300);
    assertThat(freed).as("nothing after mirroring stopped").doesNotContain(-1);
    assertThat(budget.stderr())
        .containsPattern("not mirrored \\(sampled\\)\\s+[1-9]\\d*")
        .contains("mirroring stopped at the maxShadowMemory budget");
  }

  @Test
  void withoutTheOptionTheBudgetIsHalfTheMaximumHeapAndNoneLiftsIt() throws Exception {
    // half: 64 MB, whose 80% BudgetGrowth reaches with 420,000 objects and more. In -Xmx20m the
    // heap guard gave the shadow back before that: after a collection the heap was 80% full (the
    // shadow, the program's objects, the agent's own, and G1's uncollected old garbage)
    List<String> small = List.of("-Xmx128m");
    Run plain = run(small, null, "reliability.BudgetGrowth", "800000");
    Run byDefault = run(small, "summary=stderr", "reliability.BudgetGrowth", "800000");
    assertThat(byDefault.exit()).as(byDefault.stderr()).isZero();
    assertThat(byDefault.stdout().stream().filter(l -> !l.startsWith("  freed ")).toList())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "reached 80% of its budget of (\\d+) bytes \\(maxShadowMemory's default, half the"
                    + " maximum heap\\)")
            .matcher(byDefault.stderr());
    assertThat(m.find()).as(byDefault.stderr()).isTrue();
    long budget = Long.parseLong(m.group(1));
    assertThat(budget).as("half of -Xmx128m").isBetween(62L << 20, 64L << 20);
    // (the heap guard may then act too: G1 leaves such a heap 85% full after some collections)
    assertThat(byDefault.stderr()).containsPattern("not mirrored \\(sampled\\)\\s+[1-9]");

    Run none =
        run(List.of("-Xmx256m"), "maxShadowMemory=none,summary=stderr", "reliability.BudgetGrowth");
    assertThat(none.exit()).as(none.stderr()).isZero();
    assertThat(none.stderr()).doesNotContain("budget").doesNotContain("not mirrored");
    assertThat(freedWhereDropped(none.stdout())).as("all mirrored: every item").hasSize(2001);

    Run share = run(List.of("-Xmx20m"), "maxShadowMemory=200%", "constructs.Constructs");
    assertThat(share.exit()).isNotZero();
    assertThat(share.stderr())
        .contains("bad share '200%' for option maxShadowMemory")
        .contains("e.g. maxShadowMemory=30%");
  }

  /**
   * A program that fits its heap but whose shadow would not, with no budget: refshadow's heap guard
   * sees the heap nearly full after a collection and gives the shadow back before the program runs
   * out of memory (without the guard, the JVM runs out of memory inside refshadow, which then
   * releases the shadow too, late, or in the program, which dies of it).
   */
  @Test
  void theHeapGuardReleasesTheShadowBeforeTheProgramRunsOutOfMemory() throws Exception {
    List<String> small = List.of("-Xmx96m");
    Run plain = run(small, null, "reliability.HeapPressure");
    Run guarded = run(small, "maxShadowMemory=none,summary=stderr", "reliability.HeapPressure");
    assertThat(guarded.exit()).as(guarded.stderr()).isZero();
    assertThat(guarded.stdout())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "the heap was (\\d+)% full after a garbage collection \\(\\d+ of 96 MB,"
                    + " refshadow's guard acts from 85%\\); mirroring stops here and the shadow heap"
                    + " \\(about (\\d+) MB\\) goes back to the program")
            .matcher(guarded.stderr());
    assertThat(m.find()).as(guarded.stderr()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isBetween(85, 100);
    assertThat(Integer.parseInt(m.group(2))).as("the shadow was the bulk of it").isPositive();
    assertThat(guarded.stderr())
        .doesNotContain("ran out of memory")
        .contains("mirroring stopped when the heap was nearly full (the shadow was released)");
    assertThat(guarded.stderr().lines().filter(l -> l.contains("full after a garbage collection")))
        .as("one warning")
        .hasSize(1);
  }

  /**
   * The default budget (half the heap) leaves a program half its heap; one whose own data then
   * needs more (HeapPressure's 40 MB of arrays after its chain, in 96 MB) got the JVM's
   * OutOfMemoryError in its own allocation, where no hook could catch it, and died, in a heap its
   * data fits without the agent. The guard gives the shadow back first.
   */
  @Test
  void theHeapGuardMakesRoomForAProgramWhoseDataOutgrowsWhatTheBudgetLeavesIt() throws Exception {
    List<String> small = List.of("-Xmx96m");
    Run plain = run(small, null, "reliability.HeapPressure", "40");
    assertThat(plain.exit()).as(plain.stderr()).isZero();
    Run guarded = run(small, "summary=stderr", "reliability.HeapPressure", "40");
    assertThat(guarded.exit()).as(guarded.stderr()).isZero();
    assertThat(guarded.stdout())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    assertThat(guarded.stderr())
        .as(guarded.stderr())
        .contains("(maxShadowMemory's default, half the maximum heap)")
        .contains("full after a garbage collection (")
        .contains("mirroring stopped when the heap was nearly full (the shadow was released)")
        .doesNotContain("ran out of memory");
  }

  /** The ids of BudgetGrowth's " freed i" lines, each checked to come right before "dropped i". */
  private static List<Integer> freedWhereDropped(List<String> out) {
    List<Integer> freed = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).startsWith("  freed ")) {
        String id = out.get(i).substring("  freed ".length());
        assertThat(out.get(i + 1)).as("freed where dropped").isEqualTo("dropped " + id);
        freed.add(Integer.parseInt(id));
      }
    }
    return freed;
  }

  @Test
  void mirrorOneInSixteenSamplesFromTheStartAndTheSampledObjectsStayExact() throws Exception {
    Run plain = run(List.of(), null, "reliability.BudgetGrowth");
    Run all = run(List.of(), "summary=stderr", "reliability.BudgetGrowth");
    Run sampled = run(List.of(), "mirror=1/16,summary=stderr", "reliability.BudgetGrowth");
    assertThat(sampled.exit()).as(sampled.stderr()).isZero();
    assertThat(sampled.stdout().stream().filter(l -> !l.startsWith("  freed ")).toList())
        .as("the program's own output is unchanged")
        .isEqualTo(plain.stdout());
    assertThat(freedWhereDropped(all.stdout())).as("all mirrored: every item").hasSize(2001);
    List<Integer> freed = freedWhereDropped(sampled.stdout());
    assertThat(freed.size()).as("a 1-in-16 sample of 2001: %s", freed).isBetween(40, 300);
    assertThat(sampled.stderr())
        .doesNotContain("budget")
        .containsPattern(
            "not mirrored \\(sampled\\)\\s+[1-9]\\d* \\(1 in 16 new objects mirrored, option mirror\\)");
    // the shadow holds about a sixteenth of the nodes: "objects seen" counts the mirrored ones
    long seenAll = seen(all.stderr());
    long seenSampled = seen(sampled.stderr());
    assertThat(seenSampled).as("%d of %d", seenSampled, seenAll).isLessThan(seenAll / 8);
  }

  @Test
  void mirrorNoneInstrumentsTheClassesButMirrorsNothing() throws Exception {
    Run plain = run(List.of(), null, "reliability.BudgetGrowth", "1000");
    Run none = run(List.of(), "mirror=none,summary=stderr", "reliability.BudgetGrowth", "1000");
    assertThat(none.exit()).as(none.stderr()).isZero();
    // mirrored, each dropped Item prints when the shadow frees it; unmirrored, none does
    assertThat(none.stdout())
        .as("the program's own output, and no shadow frees")
        .isEqualTo(plain.stdout());
    assertThat(seen(none.stderr())).as(none.stderr()).isZero();
    assertThat(none.stderr())
        .containsPattern("instrumented\\s+[1-9]\\d* classes")
        .contains("mirroring off (option mirror=none)")
        .doesNotContain("budget");
    // the API says why it cannot answer, and how to make it answer
    assertThat(run(List.of(), "mirror=none,summary=off", "reliability.ApiCall").stdout())
        .containsExactly(
            "refshadow mirrors nothing in this JVM: the agent runs with mirror=none, which only"
                + " measures what the rewritten bytecode costs; remove that option to use"
                + " refshadow's API");
    assertThat(run(List.of(), "summary=off", "reliability.ApiCall").stdout())
        .singleElement()
        .asString()
        .startsWith("collected ");
  }

  private static long seen(String summary) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("objects seen\\s+(\\d+)").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aBadMirrorShareIsRefusedNamingTheOptionAndTheFix() throws Exception {
    Run bad = run(List.of(), "mirror=1/10", "constructs.Constructs");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.stderr())
        .contains("bad value '1/10' for option mirror")
        .contains("e.g. mirror=1/16");
  }

  @Test
  void aBadBudgetIsRefusedNamingTheOptionAndTheFix() throws Exception {
    Run bad = run(List.of(), "maxShadowMemory=lots", "constructs.Constructs");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.stderr())
        .contains("bad size 'lots' for option maxShadowMemory")
        .contains("e.g. 512m");
  }

  /**
   * Runs reliability.HostBehaviours with {@code behaviours}, once plain and once under the agent
   * with its summary in a file; asserts the two runs print the same and both exit with 3 (the
   * program's {@code System.exit(3)} from 50 frames deep), and returns the agent's summary.
   */
  private static String sameWithAndWithoutAgent(
      String name, List<String> jvmArgs, String extraAgentOptions, String... behaviours)
      throws Exception {
    List<String> args = List.of(behaviours);
    ForkedJvm.Result plain =
        ForkedJvm.run(jvmArgs, false, null, HOST, args, "host-" + name + "-plain");
    Path summary = ForkedJvm.outputFile("host-" + name + ".summary");
    String options =
        "summary=" + summary + (extraAgentOptions.isEmpty() ? "" : "," + extraAgentOptions);
    ForkedJvm.Result watched =
        ForkedJvm.run(jvmArgs, true, options, HOST, args, "host-" + name + "-agent");
    assertThat(plain.exitCode()).as(plain.describe()).isEqualTo(3);
    assertThat(plain.stdoutLines()).as("the plain run did it all").contains(EXIT_LINE);
    assertThat(watched.exitCode()).as(watched.describe()).isEqualTo(plain.exitCode());
    assertThat(watched.stdoutLines()).as(watched.describe()).isEqualTo(plain.stdoutLines());
    assertThat(watched.stderr())
        .doesNotContain("refshadow: internal failure")
        // an error escaping refshadow's transformer (a class described under the heap's lock at
        // the bottom of an overflowing stack once did: the JVM printed this, then hung)
        .doesNotContain("ASSERTION FAILED");
    assertThat(summary).as("the exit summary is written at System.exit").exists();
    String text = Files.readString(summary);
    assertThat(text).contains("refshadow summary").containsPattern("objects seen\\s+[1-9]");
    return text;
  }

  private static final String HOST = "reliability.HostBehaviours";
  private static final String EXIT_LINE = "exiting with 3 from deep frames";

  @Test
  void aStackOverflowCaughtByTheHostLeavesOutputExitStatusAndSummaryAsWithoutTheAgent()
      throws Exception {
    sameWithAndWithoutAgent("overflow", List.of(), "", "overflow");
  }

  @Test
  void anOutOfMemoryErrorCaughtByTheHostInASmallHeapLeavesOutputAndExitStatusUnchanged()
      throws Exception {
    sameWithAndWithoutAgent("oom", List.of("-Xmx48m"), "", "oom");
  }

  @Test
  void interruptedThreadsSeeTheSameInterruptsAndFlagsUnderTheAgent() throws Exception {
    sameWithAndWithoutAgent("interrupt", List.of(), "", "interrupt");
  }

  @Test
  void exceptionsFromConstructorsReachTheHostAsWithoutTheAgent() throws Exception {
    String summary = sameWithAndWithoutAgent("constructors", List.of(), "", "constructors");
    assertThat(summary).containsPattern("internal failures\\s+0\\b");
  }

  @Test
  void allHostFaultsInOneRunThenSystemExitFromDeepFramesFlushesAReadableRecording()
      throws Exception {
    Path jfr = ForkedJvm.outputFile("host-all.jfr");
    sameWithAndWithoutAgent(
        "all", List.of("-Xmx64m"), "jfr=" + jfr, "constructors", "overflow", "interrupt", "oom");
    assertThat(jfr).as("the recording is written at System.exit").exists();
    List<RecordedEvent> runSummaries = new ArrayList<>();
    try (RecordingFile recording = new RecordingFile(jfr)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        if (e.getEventType().getName().equals("refshadow.RunSummary")) {
          runSummaries.add(e);
        }
      }
    }
    assertThat(runSummaries).as("one run summary, written at exit").hasSize(1);
    assertThat(runSummaries.get(0).getLong("allocations")).isPositive();
  }

  @Test
  void theAgentJarPutsNoClassOfAnotherNameOnTheHostsClassPath() throws Exception {
    // -javaagent appends the jar to the system class path: a class there outside io/refshadow/
    // (a versioned entry of a relocated library, say) would shadow the host's own copy
    List<String> foreign = new ArrayList<>();
    try (JarFile jar = new JarFile(Path.of(AGENT).toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName().replaceFirst("^META-INF/versions/\\d+/", "");
        if (name.endsWith(".class")
            && !name.startsWith("io/refshadow/")
            && !name.endsWith("module-info.class")) {
          foreign.add(e.getName());
        }
      }
    }
    assertThat(foreign).as("classes outside io/refshadow/ in the agent jar").isEmpty();
  }

  @Test
  void theAgentsOwnClassesAreLoadedBeforeTheProgramStarts() throws Exception {
    // the JFR listener and the exit summary run under the heap's lock: none of their classes may
    // be loaded there for the first time, or the application class loader's lock would be taken
    // under the heap's while a thread loading a class of its own holds it and waits for the heap
    // (the agent's classes come from the application class path; the listener's are loaded when
    // it is installed, the summary formats its text outside the lock)
    Path jfr = Files.createTempFile("refshadow-loads", ".jfr");
    Run run =
        run(
            List.of("-Xlog:class+load=info:stderr"),
            "summary=stderr,jfr=" + jfr,
            "constructs.Constructs");
    Files.deleteIfExists(jfr);
    assertThat(run.exit()).as(run.stderr()).isZero();
    List<String> loads = run.stderr().lines().filter(l -> l.contains("source:")).toList();
    int main =
        java.util.stream.IntStream.range(0, loads.size())
            .filter(i -> loads.get(i).contains(" constructs.Constructs "))
            .findFirst()
            .orElseThrow();
    List<String> late =
        loads.subList(main, loads.size()).stream()
            .filter(
                l -> l.matches(".* io\\.refshadow\\.(jfr|agent)\\.[\\w$]+ source: (file|jar).*"))
            .toList();
    assertThat(late).as("agent classes first loaded after the program started").isEmpty();
    assertThat(loads.subList(0, main))
        .as("the listener is among those loaded at start")
        .anyMatch(l -> l.contains(" io.refshadow.jfr.HeapEventsListener "));
  }
}
