package io.refshadow.junit;

import static io.refshadow.junit.ExampleSources.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import junitexamples.CycleExamples;
import junitexamples.LeakExamples;
import org.junit.jupiter.api.Test;

/**
 * Self-attach, as a user gets it without {@code -javaagent}: forked JVMs that run example tests
 * through the JUnit Launcher with the test class path (the agent jar and refshadow-runtime on it,
 * as in a user's build) and no agent flag.
 */
class SelfAttachIT {
  /** Runs {@code class#method}s in a JVM without -javaagent; returns each test's outcome. */
  static Map<String, String> runForked(List<String> jvmOptions, String... methods)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(testClassPath());
    cmd.add(ForkedLauncher.class.getName());
    cmd.addAll(List.of(methods));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("forked JVM finished in time").isTrue();
    assertThat(p.exitValue()).as("forked JVM exit status; output:\n" + out).isZero();
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      if (line.startsWith("RESULT ")) {
        String[] parts = line.substring("RESULT ".length()).split("\\|", 3);
        String message = parts[2].replace("\\n", "\n");
        results.put(parts[0], parts[1] + (message.isEmpty() ? "" : ": " + message));
      }
    }
    return results;
  }

  /** The class path this test runs with (Surefire and Failsafe pass it in a manifest-only jar). */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> entries = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String method(Class<?> c, String m) {
    return c.getName() + "#" + m;
  }

  @Test
  void withoutJavaagentTheAgentAttachesWhenDiscoveryStartsAndEveryCheckWorks() throws Exception {
    Map<String, String> results =
        runForked(
            List.of("-Drefshadow.agent.options=summary=off"),
            method(CycleExamples.class, "childPointsBackAtItsParent"),
            method(CycleExamples.class, "childPointsBackWeakly"),
            method(LeakExamples.class, "staticCacheGrows"));
    assertThat(results)
        .containsEntry(
            "childPointsBackAtItsParent",
            "FAILED: @NoReferenceCycles: this test created 1 reference cycle that only the cycle"
                + " detector can reclaim:\n"
                + "  Parent.children -> ArrayList -> Child.parent -> Parent\n"
                + "    3 objects; Parent allocated at "
                + site(CycleExamples.class, "childPointsBackAtItsParent", "cycle")
                + "\n  Break each cycle with a weak reference (io.refshadow.Weakref) or by"
                + " clearing one of its references before the objects are dropped.")
        .containsEntry("childPointsBackWeakly", "SUCCESSFUL")
        .containsEntry(
            "staticCacheGrows",
            "FAILED: @LimitLeaks(maxObjects = 0): 1 object created by this test is still alive"
                + " after it:\n"
                + "  byte[] allocated at "
                + site(LeakExamples.class, "staticCacheGrows", "cache")
                + "\n    static LeakExamples.CACHE -> ArrayList -> byte[]");
  }

  @Test
  void lazyAttachRetransformsTheTestClassesAlreadyLoaded() throws Exception {
    Map<String, String> results =
        runForked(
            List.of("-Drefshadow.attach=lazy", "-Drefshadow.agent.options=summary=off"),
            method(CycleExamples.class, "childPointsBackAtItsParent"),
            method(CycleExamples.class, "childPointsBackWeakly"));
    assertThat(results.get("childPointsBackAtItsParent"))
        .startsWith(
            "FAILED: @NoReferenceCycles: this test created 1 reference cycle that only the cycle"
                + " detector can reclaim:\n"
                + "  Parent.children -> ArrayList -> Child.parent -> Parent\n");
    assertThat(results).containsEntry("childPointsBackWeakly", "SUCCESSFUL");
  }

  @Test
  void aRuntimeClassLoadedBeforeTheAgentIsRefusedWithTheFix() throws Exception {
    Map<String, String> results =
        runForked(
            List.of("-Drefshadow.attach=lazy", "-Drefshadow.agent.options=summary=off"),
            "junitexamples.EarlyRuntimeExample#usesTheRuntime");
    assertThat(results.get("usesTheRuntime"))
        .startsWith("FAILED: refshadow: io.refshadow.Weakref was loaded by ")
        .contains(
            " before the agent put refshadow-runtime on the bootstrap class path, so the tests"
                + " see a second copy of the runtime that the agent never installs: nothing would"
                + " be measured. Start the test JVM with -javaagent:/path/to/refshadow-agent.jar")
        .endsWith(
            " Or let the extension attach the agent when test discovery starts"
                + " (refshadow.attach=auto, the default), and keep refshadow-runtime in scope"
                + " 'provided'.");
  }

  @Test
  void attachNeverFailsCheckedTestsNamingTheJavaagentFlag() throws Exception {
    Map<String, String> results =
        runForked(
            List.of("-Drefshadow.attach=never"),
            method(CycleExamples.class, "childPointsBackAtItsParent"));
    assertThat(results)
        .containsEntry(
            "childPointsBackAtItsParent", "FAILED: " + AgentActivation.notActiveMessage());
  }
}
