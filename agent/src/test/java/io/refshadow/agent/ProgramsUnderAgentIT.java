package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Programs refshadow's authors did not write for it, and a program using every Java construct the
 * agent must mirror, run under the real agent jar in forked JVMs.
 */
class ProgramsUnderAgentIT {
  private static final String AGENT = System.getProperty("refshadow.agent.jar");
  private static final String TEST_CLASSES = System.getProperty("refshadow.test.classes");

  record Run(int exit, List<String> stdout, String stderr) {}

  /** The test class path without refshadow's own classes (the agent brings the runtime). */
  static String libraryClassPath() {
    return Stream.concat(
            Stream.of(TEST_CLASSES),
            Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("jackson") || e.contains("h2")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Run run(String agentOptions, String mainClass) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (agentOptions != null) {
      cmd.add("-javaagent:" + AGENT + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    cmd.add("-cp");
    cmd.add(libraryClassPath());
    cmd.add(mainClass);
    Path err = Files.createTempFile("refshadow-it", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(), stderr);
  }

  @Test
  void jacksonAndH2GiveIdenticalResultsUnderTheAgentWithNoInstrumentationFailure()
      throws Exception {
    Run plain = run(null, "realworld.LibraryWorkload");
    Run watched = run("summary=stderr", "realworld.LibraryWorkload");
    assertThat(plain.exit()).as(plain.stderr()).isZero();
    assertThat(watched.exit()).as(watched.stderr()).isZero();
    assertThat(plain.stdout()).hasSize(2);
    assertThat(watched.stdout()).as("the program's output is unchanged").isEqualTo(plain.stdout());
    assertThat(watched.stderr())
        .as("no verifier or linkage error from instrumented code")
        .doesNotContain("VerifyError")
        .doesNotContain("could not instrument")
        .contains("failed: 0 classes, 0 methods")
        .contains("internal failures                0");
    String precision =
        watched.stderr().lines().filter(l -> l.contains("precision")).findFirst().orElse("");
    assertThat(precision).as("the precision figure is printed").matches(".*\\d+\\.\\d%");
    System.out.println("Jackson + H2 under refshadow: " + precision.trim());
  }

  @Test
  void atomicsVarHandlesAndConcurrentHashMapAreMirroredLikeAttributesAndDictSlots()
      throws Exception {
    Run r = run("summary=off", "constructs.AtomicWrites");
    assertThat(r.exit()).as(r.stderr()).isZero();
    // Python's rules: a replaced referent is freed at the write (STORE_ATTR, STORE_SUBSCR), a
    // failed compare-and-set stores nothing (its argument dies with the statement), an old value
    // returned by getAndSet lives as long as the name bound to it, a holder's referents go with it.
    assertThat(r.stdout())
        .containsExactly(
            "AtomicReference:",
            "  freed ar-initial",
            "  set",
            "  freed ar-cas-failed",
            "  failed compareAndSet: false",
            "  getAndSet returned ar-second",
            "  freed ar-second",
            "  old value dropped",
            "  freed ar-third",
            "  reference dropped",
            "VarHandle on a field:",
            "  set",
            "  freed vh-first",
            "  compareAndSet",
            "  freed vh-second",
            "  holder dropped",
            "VarHandle on a static field:",
            "  set",
            "  freed static-first",
            "  compareAndSet",
            "  freed static-second",
            "  cleared",
            "AtomicReferenceFieldUpdater:",
            "  set",
            "  freed upd-first",
            "  compareAndSet",
            "  freed upd-second",
            "  holder dropped",
            "AtomicReferenceArray:",
            "  set",
            "  freed ara-first",
            "  compareAndSet",
            "  freed ara-second",
            "  array dropped",
            "ConcurrentHashMap:",
            "  put",
            "  freed chm-a",
            "  removed",
            "  freed chm-b",
            "  replaced",
            "  freed chm-c",
            "  computed and removed",
            "  freed chm-b2",
            "  map dropped",
            "cycle collected: 0");
    assertThat(r.stderr()).doesNotContain("refshadow: internal");
  }

  /**
   * Maps that unwatched code (standing for the JDK's own, such as {@code java.lang.invoke}'s soft
   * caches) built and dropped leave cycles in the shadow once the JVM reclaims them; they are
   * freed, but {@code gc.collect()} returns what CPython returns for the program's own cycle alone.
   * Before, it counted the maps' entries too, so the twins' results depended on when the JVM
   * collected.
   */
  @Test
  void gcCollectCountsTheProgramsCyclesNotTheStorageOfMapsUnwatchedCodeDropped() throws Exception {
    Run r = run("summary=stderr,exclude=unwatched.", "constructs.JdkMadeGarbage");
    assertThat(r.exit()).as(r.stderr()).isZero();
    // CPython 3.12, for the program's part (a two-object cycle, dropped): collect 2, again 0
    assertThat(r.stdout())
        .containsExactly("library maps reclaimed by the JVM: true", "collect 2", "collect again 0");
    assertThat(r.stderr()).doesNotContain("refshadow: internal");
  }

  @Test
  void everyJavaConstructIsMirroredWithTheLifetimesOfTheShadowModel() throws Exception {
    Run r = run("summary=off", "constructs.Constructs");
    assertThat(r.exit()).as(r.stderr()).isZero();
    // Each line follows from DESIGN.md's shadow model; comments give the rule.
    assertThat(r.stdout())
        .containsExactly(
            "exception caught two frames up:",
            // unwinding releases each frame's locals once, innermost frame first
            "  freed unwound-middle",
            "  freed unwound-local",
            "  caught boom",
            "recursion:",
            // each activation's local dies when that activation returns
            "  freed frame0",
            "  freed frame1",
            "  freed frame2",
            "  depth 2",
            "loop reusing a local slot:",
            // rebinding the loop variable frees the previous object
            "  freed loop0",
            "  freed loop1",
            "  loop done",
            "lambda capturing an object:",
            // the lambda object holds its captured value until the lambda is dropped
            "  still held by the lambda: captured",
            "  freed captured",
            "  lambda dropped",
            "collections:",
            // javac reuses the loop variable's slot here: a rebinding
            "  freed loop2",
            "  added",
            // removing from a list drops the list's reference
            "  freed in-list",
            "  removed",
            "  put",
            // dropping the map frees its entries
            "  freed in-map",
            "  map dropped",
            "arrays, arraycopy, copyOf, clone:",
            // four arrays held the item; it dies with the last copy
            "  one copy left",
            "  freed array-item",
            "  all copies dropped",
            "record, enum, static field, synchronized method:",
            "  enum refcount is immortal: true",
            "  held by the static field",
            "  freed record-left",
            "  static field cleared",
            "constructor that throws:",
            // a half-built object dies as its constructor unwinds (CPython: after except ends)
            "  freed half-built",
            "  caught constructor failed",
            "reflection and super.clone():",
            "  set",
            "  freed set-reflectively",
            "  cleared",
            // the clone shares the original's reference: the shared object outlives the original
            "  freed original",
            "  original dropped",
            "  freed original",
            "  freed shared-by-clone",
            "  copy dropped",
            "threads:",
            // a weak reference does not keep the object alive
            "  freed thread-local",
            "  freed made-in-thread",
            "  joined",
            "cycle collected: 0",
            // main's locals are released when main returns
            "  freed holder");
  }
}
