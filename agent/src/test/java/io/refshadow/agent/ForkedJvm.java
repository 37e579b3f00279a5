package io.refshadow.agent;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a new JVM with the packaged agent jar, the way a user does: {@code java
 * -javaagent:refshadow-agent.jar[=options] -cp <test classes> <main class>}. The agent jar and the
 * class directory come from the system properties that agent/pom.xml gives failsafe. Standard
 * output and error are kept in files under {@code target/forked-jvms/} for a look after a failure.
 */
final class ForkedJvm {
  /** Per JVM; a twin takes a second or two (more on a loaded machine): this only catches a hang. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final Path AGENT_JAR = Path.of(requiredProperty("refshadow.agent.jar"));
  static final Path TEST_CLASSES = Path.of(requiredProperty("refshadow.test.classes"));
  private static final Path OUTPUT_DIR = TEST_CLASSES.getParent().resolve("forked-jvms");

  /**
   * JVMs still running; destroyed if the test JVM ends first (a forked JVM must not outlive it).
   */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "forked-jvms"));
  }

  private ForkedJvm() {}

  /** What the forked JVM did. */
  record Result(String command, int exitCode, String stdout, String stderr) {
    /** Standard output as lines (any platform's line terminators; no empty last line). */
    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    /** For assertion messages: how to rerun it, and what it wrote on standard error. */
    String describe() {
      return "command: " + command + "\nexit code: " + exitCode + "\nstderr:\n" + stderr;
    }
  }

  /**
   * Runs {@code mainClass} under the agent.
   *
   * @param agentOptions the text after {@code =} in {@code -javaagent:jar=...}, or null for none
   * @param runName a file-name-safe name for the kept output files
   */
  static Result run(String agentOptions, String mainClass, String runName)
      throws IOException, InterruptedException {
    return fork(List.of(agentFlag(agentOptions)), mainClass, List.of(), runName);
  }

  /**
   * Runs {@code mainClass} with {@code programArgs}, under the agent unless {@code withAgent} is
   * false (the plain run a twin is compared with).
   *
   * @param jvmArgs options for the JVM before the agent's, e.g. {@code -Xmx32m}
   * @param agentOptions as for {@link #run(String, String, String)}; ignored without the agent
   */
  static Result run(
      List<String> jvmArgs,
      boolean withAgent,
      String agentOptions,
      String mainClass,
      List<String> programArgs,
      String runName)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(jvmArgs);
    if (withAgent) {
      options.add(agentFlag(agentOptions));
    }
    return fork(options, mainClass, programArgs, runName);
  }

  /** A path for a file a forked JVM writes (a summary, a recording), kept with its output. */
  static Path outputFile(String name) throws IOException {
    Files.createDirectories(OUTPUT_DIR);
    Path file = OUTPUT_DIR.resolve(name);
    Files.deleteIfExists(file);
    return file;
  }

  private static String agentFlag(String agentOptions) {
    return "-javaagent:" + AGENT_JAR + (agentOptions == null ? "" : "=" + agentOptions);
  }

  private static Result fork(
      List<String> jvmOptions, String mainClass, List<String> programArgs, String runName)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(TEST_CLASSES.toString());
    command.add(mainClass);
    command.addAll(programArgs);
    Files.createDirectories(OUTPUT_DIR);
    Path out = OUTPUT_DIR.resolve(runName + ".out");
    Path err = OUTPUT_DIR.resolve(runName + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    LIVE.add(p);
    p.getOutputStream().close(); // no input
    try {
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        fail("timed out after %s: %s%nstdout so far:%n%s", TIMEOUT, command, read(out));
      }
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      LIVE.remove(p);
    }
    return new Result(String.join(" ", command), p.exitValue(), read(out), read(err));
  }

  /**
   * The java launcher of the JVM running the tests (JDK 17 in the default build); {@code
   * -Drefshadow.test.java=/path/to/bin/java} runs the forked programs on another JDK (e.g. 25).
   */
  static String javaBinary() {
    String override = System.getProperty("refshadow.test.java");
    if (override != null && !override.isBlank()) {
      return override;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static String requiredProperty(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + name
              + " is not set: run these tests with `mvn verify` (agent/pom.xml passes it to"
              + " failsafe)");
    }
    return v;
  }
}
