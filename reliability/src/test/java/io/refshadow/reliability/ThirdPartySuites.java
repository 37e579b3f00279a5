package io.refshadow.reliability;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs a published test suite (a {@code tests} jar from Maven Central with the jars it needs)
 * through the JUnit Platform console launcher, in a JVM of its own, with or without the agent, and
 * reads the launcher's counts. The jars are laid out by this module's pom under {@code
 * target/suites/}: the launcher and the agent at the top, one folder a suite.
 *
 * <p>As a program it runs suites both ways and prints a table; {@code
 * reliability/third-party-suites} calls it: {@code ThirdPartySuites <suites dir> quick|full
 * [--agent-options=...] [--exclude-package=...] [--jvm-arg=...] [suite...]}.
 */
public final class ThirdPartySuites {

  /** One suite: its folder under target/suites and the classes of its quick subset. */
  public enum Suite {
    COMMONS_LANG3(
        "commons-lang3",
        List.of(
            "org.apache.commons.lang3.builder.ToStringBuilderTest",
            "org.apache.commons.lang3.builder.EqualsBuilderTest",
            "org.apache.commons.lang3.builder.HashCodeBuilderTest",
            "org.apache.commons.lang3.tuple.PairTest",
            "org.apache.commons.lang3.mutable.MutableIntTest",
            "org.apache.commons.lang3.text.StrBuilderTest"),
        // the suite's own Surefire argLine on Java 9+ (its pom's profile for LANG-1265, LANG-1667)
        List.of(
            "-Xmx512m",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.time.chrono=ALL-UNNAMED")),
    COMMONS_COLLECTIONS4(
        "commons-collections4",
        List.of(
            "org.apache.commons.collections4.bag.HashBagTest",
            // mocks made by EasyMock with its own ByteBuddy
            "org.apache.commons.collections4.IteratorUtilsTest"),
        List.of());

    final String folder;
    final List<String> quickClasses;
    final List<String> jvmArgs;

    Suite(String folder, List<String> quickClasses, List<String> jvmArgs) {
      this.folder = folder;
      this.quickClasses = quickClasses;
      this.jvmArgs = jvmArgs;
    }

    static Suite named(String folder) {
      for (Suite s : values()) {
        if (s.folder.equals(folder)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "no suite " + folder + "; known: commons-lang3, commons-collections4");
    }
  }

  /** Which tests of a suite run. */
  public enum Selection {
    /** A few classes of each suite: what CI runs. */
    QUICK,
    /**
     * Every test class the suite's own Maven build runs: Surefire's default names ({@code Test*},
     * {@code *Test}, {@code *Tests}, {@code *TestCase}), top-level classes only (nested ones run
     * through {@code @Nested}).
     */
    FULL
  }

  /** Surefire's default includes and its exclusion of nested classes, as a class-name pattern. */
  static final String SUREFIRE_CLASS_NAMES =
      "^([^$]*\\.)?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";

  /** What the launcher counted, the exit status and the wall-clock time. */
  public record Counts(
      long found,
      long successful,
      long failed,
      long aborted,
      long skipped,
      long containersFailed,
      int exitCode,
      Duration time) {
    /** The counts that must not change under the agent (not the time). */
    String outcome() {
      return String.format(
          Locale.ROOT,
          "found %d, passed %d, failed %d, aborted %d, skipped %d, failed containers %d",
          found,
          successful,
          failed,
          aborted,
          skipped,
          containersFailed);
    }
  }

  /**
   * One run's counts, the tests that failed (the launcher's display paths, sorted) and where its
   * output is kept.
   */
  public record Run(Counts counts, List<String> failures, Path log, Path summary) {}

  private static final Pattern COUNT_LINE =
      Pattern.compile("^\\[\\s*(\\d+) (tests|containers) (\\w+)\\s*\\]$", Pattern.MULTILINE);

  private final Path suitesDir;
  private final Path outputDir;
  private final Duration timeout;

  public ThirdPartySuites(Path suitesDir, Path outputDir, Duration timeout) {
    this.suitesDir = suitesDir;
    this.outputDir = outputDir;
    this.timeout = timeout;
  }

  /**
   * Runs {@code suite}'s {@code selection} in a new JVM: with the agent ({@code agentOptions} after
   * {@code =}, the exit summary added as a file) when {@code withAgent}, else plain.
   */
  public Run run(Suite suite, Selection selection, boolean withAgent, String agentOptions)
      throws IOException, InterruptedException {
    return run(suite, selection, List.of(), List.of(), withAgent, agentOptions);
  }

  /**
   * As {@link #run(Suite, Selection, boolean, String)}, leaving out the test classes of {@code
   * excludedPackages} (and their subpackages), with {@code extraJvmArgs} after the suite's own (a
   * larger {@code -Xmx}, say: the shadow heap lives in the program's heap).
   */
  public Run run(
      Suite suite,
      Selection selection,
      List<String> excludedPackages,
      List<String> extraJvmArgs,
      boolean withAgent,
      String agentOptions)
      throws IOException, InterruptedException {
    Files.createDirectories(outputDir);
    String name =
        suite.folder
            + "-"
            + selection.name().toLowerCase(Locale.ROOT)
            + (withAgent ? "-agent" : "-plain");
    Path log = outputDir.resolve(name + ".log");
    Path summary = outputDir.resolve(name + ".summary");
    Files.deleteIfExists(summary);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(suite.jvmArgs);
    command.addAll(extraJvmArgs);
    if (withAgent) {
      String options = "summary=" + summary;
      if (agentOptions != null && !agentOptions.isBlank()) {
        options += "," + agentOptions;
      }
      command.add("-javaagent:" + suitesDir.resolve("refshadow-agent.jar") + "=" + options);
    }
    command.add("-jar");
    command.add(suitesDir.resolve("junit-platform-console-standalone.jar").toString());
    command.add("execute");
    command.add("--class-path");
    command.add(classPath(suite));
    if (selection == Selection.QUICK) {
      for (String c : suite.quickClasses) {
        command.add("--select-class=" + c);
      }
    } else {
      command.add("--scan-class-path=" + testsJar(suite));
      command.add("--include-classname=" + SUREFIRE_CLASS_NAMES);
    }
    for (String p : excludedPackages) {
      command.add("--exclude-package=" + p);
    }
    // the suites' own builds run the Jupiter engine only
    command.add("--include-engine=junit-jupiter");
    command.add("--disable-banner");
    command.add("--disable-ansi-colors");
    command.add("--details=summary");

    unpackTestResources(suite);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .directory(suitesDir.resolve(suite.folder).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "timed out after " + timeout + ": " + String.join(" ", command) + "; see " + log);
      }
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return new Run(parse(output, p.exitValue(), time, log), failures(output), log, summary);
  }

  /**
   * Some tests read their resources from the source tree ({@code src/test/resources/...}, relative
   * to the working directory, as in the suite's own build): the tests jar's resources are put
   * there, in the suite's folder, where its JVMs run.
   */
  private void unpackTestResources(Suite suite) throws IOException {
    Path target = suitesDir.resolve(suite.folder).resolve("src/test/resources");
    if (Files.isDirectory(target)) {
      return;
    }
    Path partial = Files.createTempDirectory(suitesDir.resolve(suite.folder), "resources");
    try (ZipFile jar = new ZipFile(testsJar(suite).toFile())) {
      for (ZipEntry e : Collections.list(jar.entries())) {
        if (e.isDirectory()
            || e.getName().endsWith(".class")
            || e.getName().startsWith("META-INF/")) {
          continue;
        }
        Path file = partial.resolve(e.getName()).normalize();
        if (!file.startsWith(partial)) {
          throw new IOException("entry outside the folder: " + e.getName());
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = jar.getInputStream(e)) {
          Files.copy(in, file);
        }
      }
    }
    Files.createDirectories(target.getParent());
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private String classPath(Suite suite) throws IOException {
    try (Stream<Path> jars = Files.list(suitesDir.resolve(suite.folder))) {
      return jars.filter(j -> j.toString().endsWith(".jar"))
          .sorted()
          .map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
  }

  private Path testsJar(Suite suite) throws IOException {
    try (Stream<Path> jars = Files.list(suitesDir.resolve(suite.folder))) {
      return jars.filter(j -> j.getFileName().toString().endsWith("-tests.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no tests jar in " + suite.folder));
    }
  }

  /** The display paths listed under the launcher's "Failures (n):", sorted. */
  static List<String> failures(String output) {
    List<String> failed = new ArrayList<>();
    boolean inFailures = false;
    for (String line : output.lines().toList()) {
      if (line.startsWith("Failures (")) {
        inFailures = true;
      } else if (inFailures && line.startsWith("  JUnit ")) {
        failed.add(line.strip());
      } else if (line.startsWith("Test run finished")) {
        inFailures = false;
      }
    }
    Collections.sort(failed);
    return failed;
  }

  static Counts parse(String output, int exitCode, Duration time, Path log) {
    long[] tests = new long[6]; // found, successful, failed, aborted, skipped, failed containers
    boolean seen = false;
    Matcher m = COUNT_LINE.matcher(output);
    while (m.find()) {
      seen = true;
      long n = Long.parseLong(m.group(1));
      String what = m.group(2);
      String state = m.group(3);
      if (what.equals("containers")) {
        if (state.equals("failed")) {
          tests[5] = n;
        }
        continue;
      }
      switch (state) {
        case "found" -> tests[0] = n;
        case "successful" -> tests[1] = n;
        case "failed" -> tests[2] = n;
        case "aborted" -> tests[3] = n;
        case "skipped" -> tests[4] = n;
        default -> {}
      }
    }
    if (!seen) {
      throw new IllegalStateException(
          "the console launcher printed no counts (exit " + exitCode + "); see " + log);
    }
    return new Counts(tests[0], tests[1], tests[2], tests[3], tests[4], tests[5], exitCode, time);
  }

  /** {@code ThirdPartySuites <suites dir> quick|full [agent options] [suite...]}: a table. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ThirdPartySuites <suites dir> quick|full [--agent-options=...]"
              + " [--exclude-package=...] [--jvm-arg=...] [suite...]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    Selection selection = Selection.valueOf(args[1].toUpperCase(Locale.ROOT));
    String agentOptions = "";
    List<String> excluded = new ArrayList<>();
    List<String> jvmArgs = new ArrayList<>();
    List<Suite> suites = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].startsWith("--agent-options=")) {
        agentOptions = args[i].substring("--agent-options=".length());
      } else if (args[i].startsWith("--jvm-arg=")) {
        jvmArgs.add(args[i].substring("--jvm-arg=".length()));
      } else if (args[i].startsWith("--exclude-package=")) {
        excluded.add(args[i].substring("--exclude-package=".length()));
      } else {
        suites.add(Suite.named(args[i]));
      }
    }
    if (suites.isEmpty()) {
      suites = List.of(Suite.values());
    }
    ThirdPartySuites runner = new ThirdPartySuites(dir, dir.resolve("runs"), Duration.ofHours(24));
    String row = "%-22s %-6s %7s %7s %7s %7s %7s %7s %10s%n";
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            row,
            "suite",
            "agent",
            "found",
            "passed",
            "failed",
            "aborted",
            "skipped",
            "exit",
            "time"));
    boolean same = true;
    for (Suite suite : suites) {
      Run plain = runner.run(suite, selection, excluded, jvmArgs, false, null);
      System.err.println(suite.folder + " plain: " + plain.counts().outcome());
      Run watched = runner.run(suite, selection, excluded, jvmArgs, true, agentOptions);
      System.err.println(suite.folder + " agent: " + watched.counts().outcome());
      for (Run r : List.of(plain, watched)) {
        Counts c = r.counts();
        table.append(
            String.format(
                Locale.ROOT,
                row,
                suite.folder,
                r == plain ? "no" : "yes",
                c.found(),
                c.successful(),
                c.failed(),
                c.aborted(),
                c.skipped(),
                c.exitCode(),
                String.format(Locale.ROOT, "%.1f s", c.time().toMillis() / 1000.0)));
      }
      same &= plain.counts().outcome().equals(watched.counts().outcome());
      same &= plain.failures().equals(watched.failures());
      for (String f : watched.failures()) {
        if (!plain.failures().contains(f)) {
          System.err.println(suite.folder + ": failed only under the agent: " + f);
        }
      }
      for (String f : plain.failures()) {
        if (!watched.failures().contains(f)) {
          System.err.println(suite.folder + ": failed only without the agent: " + f);
        }
      }
      same &= plain.counts().exitCode() == watched.counts().exitCode();
    }
    System.out.print(table);
    System.out.println(
        same
            ? "same counts and the same failed tests with and without the agent"
            : "RESULTS DIFFER with and without the agent: see " + dir.resolve("runs"));
    System.exit(same ? 0 : 1);
  }
}
