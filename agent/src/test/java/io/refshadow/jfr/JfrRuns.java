package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs what a user runs: test programs under {@code -javaagent:refshadow-agent.jar=jfr=...} in
 * forked JVMs, and {@code java -jar refshadow-agent.jar <command>}. Recordings are made once per
 * program and options and shared by the test classes (under target/jfr-runs/, kept for a look).
 */
final class JfrRuns {
  static final Path AGENT_JAR = Path.of(property("refshadow.agent.jar"));
  static final Path TEST_CLASSES = Path.of(property("refshadow.test.classes"));
  static final Path DIR = TEST_CLASSES.getParent().resolve("jfr-runs");

  /**
   * Extra agent options for every run, e.g. {@code -Drefshadow.test.agent.extra=verbose} on the mvn
   * command line to look into a failure.
   */
  static final String EXTRA = System.getProperty("refshadow.test.agent.extra", "");

  private static final Map<String, Path> RECORDINGS = new ConcurrentHashMap<>();

  private JfrRuns() {}

  /** What a forked JVM did. */
  record Result(int exitCode, String stdout, String stderr, String command) {
    String describe() {
      return "command: "
          + command
          + "\nexit code: "
          + exitCode
          + "\nstdout:\n"
          + stdout
          + "\nstderr:\n"
          + stderr;
    }
  }

  private static String property(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      throw new IllegalStateException(name + " is not set: run with mvn verify (failsafe)");
    }
    return v;
  }

  static String java() {
    String override = System.getProperty("refshadow.test.java");
    if (override != null && !override.isBlank()) {
      return override;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A recording of {@code program} made with {@code jfr=<file>} and {@code options}; cached. */
  static Path recording(Class<?> program, String options) {
    String key = program.getSimpleName() + (options.isEmpty() ? "" : "-" + options);
    return RECORDINGS.computeIfAbsent(
        key,
        k -> {
          try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(k.replaceAll("[^A-Za-z0-9.-]", "_") + ".jfr");
            Files.deleteIfExists(file);
            String agentOptions =
                "jfr=" + file + ",summary=off" + (options.isEmpty() ? "" : "," + options);
            Result r = runProgram(program, agentOptions, List.of());
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(file).as(r.describe()).exists();
            return file;
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Runs {@code program} under the agent with {@code agentOptions} and extra JVM options. */
  static Result runProgram(Class<?> program, String agentOptions, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmOptions);
    String options = agentOptions;
    if (!EXTRA.isEmpty()) {
      options = options == null || options.isEmpty() ? EXTRA : options + "," + EXTRA;
    }
    cmd.add(
        "-javaagent:" + AGENT_JAR + (options == null || options.isEmpty() ? "" : "=" + options));
    cmd.add("-cp");
    cmd.add(TEST_CLASSES.toString());
    cmd.add(program.getName());
    return run(cmd, program.getSimpleName());
  }

  /** {@code java -jar refshadow-agent.jar args...}. */
  static Result cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-jar");
    cmd.add(AGENT_JAR.toString());
    cmd.addAll(List.of(args));
    return run(cmd, "cli-" + args[0]);
  }

  private static Result run(List<String> cmd, String name)
      throws IOException, InterruptedException {
    Files.createDirectories(DIR);
    Path out = Files.createTempFile(DIR, name + "-", ".out");
    Path err = Files.createTempFile(DIR, name + "-", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail("timed out: " + String.join(" ", cmd));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        // HotSpot's note about appending to the bootstrap class path is not the program's output
        Files.readString(err, StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.contains("Sharing is only supported for boot loader classes"))
            .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b),
        String.join(" ", cmd));
  }

  /** Every event of {@code file} named {@code name}. */
  static List<RecordedEvent> events(Path file, String name) {
    try {
      List<RecordedEvent> out = new ArrayList<>();
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        if (e.getEventType().getName().equals(name)) {
          out.add(e);
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
