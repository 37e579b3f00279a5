package io.refshadow.agent;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host program in a forked JVM, with or without the agent, for the reliability tests: any JVM
 * options and class path, and a hang reported with the child's thread dump ({@code jstack}) rather
 * than a bare timeout. Output is kept under {@code target/forked-jvms/}.
 */
final class HostJvm {
  static final String AGENT = System.getProperty("refshadow.agent.jar");
  static final String TEST_CLASSES = System.getProperty("refshadow.test.classes");
  static final String RUNTIME_JAR = System.getProperty("refshadow.runtime.jar");

  /** Generous: the slowest of these runs takes seconds; only a hang comes near it. */
  static final long TIMEOUT_SECONDS = 240;

  private HostJvm() {}

  record Result(String command, int exit, List<String> stdout, String stderr) {
    String describe() {
      return "command: " + command + "\nexit code: " + exit + "\nstderr:\n" + stderr;
    }
  }

  /** {@code -javaagent:} for the refshadow agent with {@code options} (empty for none). */
  static String agent(String options) {
    return "-javaagent:" + AGENT + (options.isEmpty() ? "" : "=" + options);
  }

  /**
   * The class path a run without the agent needs to resolve the API's classes (io.refshadow.Gc
   * etc.): the test classes and the runtime jar. Under the agent, the runtime comes with it.
   */
  static String plainClassPath(String... more) {
    List<String> entries = new ArrayList<>(List.of(TEST_CLASSES, RUNTIME_JAR));
    entries.addAll(List.of(more));
    return String.join(File.pathSeparator, entries);
  }

  static String agentClassPath(String... more) {
    List<String> entries = new ArrayList<>(List.of(TEST_CLASSES));
    entries.addAll(List.of(more));
    return String.join(File.pathSeparator, entries);
  }

  /** Runs {@code java <args>} and waits; a hang fails the test with the child's thread dump. */
  static Result run(String runName, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ForkedJvm.javaBinary());
    command.addAll(args);
    Path dir = Path.of(TEST_CLASSES).getParent().resolve("forked-jvms");
    Files.createDirectories(dir);
    Path out = dir.resolve(runName + ".out");
    Path err = dir.resolve(runName + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(
            "no exit after %ds (a hang?): %s%nthread dump of the child:%n%s%nstderr so far:%n%s",
            TIMEOUT_SECONDS, String.join(" ", command), threadDump(p.pid()), read(err));
      }
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    return new Result(
        String.join(" ", command), p.exitValue(), read(out).lines().toList(), read(err));
  }

  private static String threadDump(long pid) {
    Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
    try {
      Process j =
          new ProcessBuilder(jstack.toString(), "-l", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      byte[] dump = j.getInputStream().readAllBytes();
      j.waitFor(60, TimeUnit.SECONDS);
      return new String(dump, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(jstack failed: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted while taking the thread dump)";
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
