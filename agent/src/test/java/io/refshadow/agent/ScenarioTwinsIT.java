package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof that the agent follows CPython: every CPython 3.12 scenario ({@code
 * runtime/src/test/resources/scenarios/sNN_*.py}, and the agent's Java-construct scenarios {@code
 * agent/src/test/resources/scenarios-java/jNN_*.py}) has a plain Java twin ({@code twins.SNN...},
 * {@code twins.JNN...}: no refshadow internals, only {@code Gc}/{@code Sys}/{@code Weakref}/{@code
 * Del}), which runs here in a forked JVM under the packaged agent jar exactly as a user runs a
 * program. Its standard output must equal, line for line, what CPython printed ({@code
 * *.expected}). Expected lines come only from those files.
 *
 * <p>Two scenarios depend on CPython's tracebacks keeping frames alive, which Java exceptions do
 * not (DESIGN.md, "Scope exits"); their twins run in separate tests below that state refshadow's
 * documented behaviour.
 *
 * <p>Each twin runs twice: with the JVM's default heap, and with a young generation so small that
 * the JVM collects every few hundred kilobytes ({@link #SMALL_HEAP}).
 *
 * <p>The twins run on the JDK that runs the tests; {@code mvn verify
 * -Drefshadow.test.java=/path/to/jdk-25/bin/java} runs them on another one.
 */
class ScenarioTwinsIT {
  /** The runtime's scenarios (copied by agent/pom.xml) and the agent's own. */
  private static final List<Path> SCENARIO_DIRS =
      List.of(
          ForkedJvm.TEST_CLASSES.resolve("scenarios"),
          ForkedJvm.TEST_CLASSES.resolve("scenarios-java"));

  private static final Path TWINS = ForkedJvm.TEST_CLASSES.resolve("twins");

  /**
   * Scenarios not compared with CPython, and the test that checks refshadow's behaviour instead.
   */
  private static final Map<String, String> DOCUMENTED_DIFFERENCES =
      Map.of(
          "s47_exception_frame", "raisingFramesLocalsDieWhileTheExceptionUnwinds_s47",
          "s48_exception_cycle", "caughtExceptionKeepsNoFrameAlive_s48");

  /**
   * JVM options under which the JVM collects many times during a twin, and clears the JDK's soft
   * caches: what the JVM does must not show in the shadow heap. Before {@code @Del} methods were
   * called through method handles, the JDK 25 twins of s42, s50, s53, s61, j01 and j06 failed here:
   * {@code Method.invoke} rebuilt its cleared conversion caches inside the finalizer, and the next
   * {@code Gc.collect()} counted the JDK's cyclic {@code HashMap}s as the program's garbage.
   */
  private static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xmn512k", "-Xmx16m");

  @TestFactory
  Stream<DynamicTest> twinPrintsExactlyWhatCPythonPrinted() throws IOException {
    List<String> scenarios = scenarioNames();
    assertThat(scenarios).as("scenario files in %s", SCENARIO_DIRS).hasSizeGreaterThan(50);
    // Start every JVM now, a few at a time; each dynamic test then waits for its own.
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "forked-twin");
              t.setDaemon(true);
              return t;
            });
    List<DynamicTest> tests = new ArrayList<>();
    for (String scenario : scenarios) {
      if (DOCUMENTED_DIFFERENCES.containsKey(scenario)) {
        continue;
      }
      String twin = twinOf(scenario);
      Future<ForkedJvm.Result> run =
          pool.submit(() -> ForkedJvm.run("summary=off", twin, scenario));
      tests.add(
          DynamicTest.dynamicTest(
              scenario + " == " + twin,
              () -> {
                ForkedJvm.Result r = run.get();
                assertMatchesCPython(scenario, r);
              }));
      Future<ForkedJvm.Result> smallHeapRun =
          pool.submit(
              () ->
                  ForkedJvm.run(
                      SMALL_HEAP, true, "summary=off", twin, List.of(), scenario + "-small-heap"));
      tests.add(
          DynamicTest.dynamicTest(
              scenario + " == " + twin + " while the JVM collects every few hundred KB",
              () -> assertMatchesCPython(scenario, smallHeapRun.get())));
    }
    pool.shutdown(); // runs what was submitted, then its threads end
    return tests.stream();
  }

  @Test
  void everyScenarioHasExactlyOneTwin() throws IOException {
    for (String scenario : scenarioNames()) {
      assertThat(twinOf(scenario)).startsWith("twins." + twinPrefix(scenario));
    }
  }

  /**
   * s47: CPython keeps a raising function's frame, and so its locals, alive through the traceback
   * until the {@code except} block that handles it ends ("in_except_plain" is printed before "del
   * plain"). A Java exception holds no frames, so refshadow releases each frame's locals as the
   * exception leaves it (DESIGN.md, "Scope exits"): the raiser's local dies before the handler
   * runs, innermost frame first. Every other line, and the order of the frames, is as in CPython.
   */
  @Test
  void raisingFramesLocalsDieWhileTheExceptionUnwinds_s47() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.S47ExceptionFrame", "s47-refshadow");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines())
        .as(r.describe())
        .containsExactly(
            "raising plain",
            "del plain", // CPython: after in_except_plain
            "in_except_plain",
            "after_except_plain",
            "---",
            "raising as_e",
            "del as_e", // CPython: after in_except_as
            "in_except_as as_e",
            "after_except_as",
            "---",
            "in_except_own", // a frame that catches its own exception: as in CPython
            "after_except_own",
            "del own_local",
            "after_catch_own_returned",
            "---",
            "raising deep",
            "del deep", // CPython: both after in_except_deep, in this same order
            "del middle_local",
            "in_except_deep",
            "after_except_deep",
            "---",
            "collect 0");
    // the same lines as CPython's, only the frames' locals die earlier
    assertThat(r.stdoutLines())
        .containsExactlyInAnyOrderElementsOf(expectedLines("s47_exception_frame"));
  }

  /**
   * s48: in CPython, {@code err = e} in the catching frame makes a cycle (exception -> traceback ->
   * frame -> err) that keeps the raiser's frame alive until {@code gc.collect()}. A Java exception
   * refers to no frame, so there is no cycle: the raiser's local dies as the exception unwinds, in
   * both functions, and the collection finds nothing ("collected_something False").
   */
  @Test
  void caughtExceptionKeepsNoFrameAlive_s48() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.S48ExceptionCycle", "s48-refshadow");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines())
        .as(r.describe())
        .containsExactly(
            "del raiser_local", // CPython: at the gc.collect() after the function returned
            "in_function_after_except boom",
            "after_return",
            "collected_something False", // CPython: True (the frame cycle)
            "---",
            "del raiser_local", // as in CPython (there, when err is cleared)
            "in_function_after_err_cleared",
            "after_return",
            "collect 0");
  }

  private static void assertMatchesCPython(String scenario, ForkedJvm.Result r) throws IOException {
    assertThat(r.stdoutLines())
        .as("stdout of the twin vs CPython's %s.expected%n%s", scenario, r.describe())
        .containsExactlyElementsOf(expectedLines(scenario));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stderr())
        .as("refshadow must neither fail internally nor skip code of the twin")
        .doesNotContain("refshadow: internal failure")
        .doesNotContain("refshadow: could not instrument");
    // No JVM warning the agent caused, such as JDK 24+'s "terminally deprecated method in
    // sun.misc.Unsafe" for refshadow's own or its ByteBuddy's use of it. HotSpot's one line about
    // class data sharing and the appended boot class path is the JVM's, for any such agent.
    assertThat(r.stderr().lines())
        .as("JVM warnings on the twin's stderr under the agent%n%s", r.describe())
        .noneMatch(
            l ->
                l.startsWith("WARNING:")
                    || (l.contains("VM warning:") && !l.contains(SHARING_WARNING)));
  }

  private static final String SHARING_WARNING =
      "Sharing is only supported for boot loader classes because bootstrap classpath has been"
          + " appended";

  /** CPython 3.12's output: the only source of expected lines. */
  private static List<String> expectedLines(String scenario) throws IOException {
    for (Path dir : SCENARIO_DIRS) {
      Path expected = dir.resolve(scenario + ".expected");
      if (Files.exists(expected)) {
        return Files.readString(expected, StandardCharsets.UTF_8)
            .lines()
            .collect(Collectors.toList());
      }
    }
    throw new AssertionError("no " + scenario + ".expected in " + SCENARIO_DIRS);
  }

  /** "j01_constructor_stores", ..., "s02_self_ref", ... in order, from the .expected files. */
  private static List<String> scenarioNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path dir : SCENARIO_DIRS) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.matches("[sj]\\d\\d_.*\\.expected"))
            .map(n -> n.substring(0, n.length() - ".expected".length()))
            .forEach(names::add);
      }
    }
    names.sort(null);
    return names;
  }

  /** "s02_self_ref" -> "S02", "j01_constructor_stores" -> "J01". */
  private static String twinPrefix(String scenario) {
    return Character.toUpperCase(scenario.charAt(0)) + scenario.substring(1, 3);
  }

  /** The twin of {@code sNN_topic}: the one top-level class {@code twins.SNN*} (JNN for jNN). */
  private static String twinOf(String scenario) throws IOException {
    String prefix = twinPrefix(scenario);
    List<String> found;
    try (Stream<Path> files = Files.list(TWINS)) {
      found =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("$"))
              .map(n -> "twins." + n.substring(0, n.length() - ".class".length()))
              .collect(Collectors.toList());
    }
    assertThat(found).as("the Java twin of %s in %s", scenario, TWINS).hasSize(1);
    return found.get(0);
  }
}
