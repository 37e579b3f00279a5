package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent never changes what the host does: refshadow's own faults (a test-only switch makes
 * every hook fail inside refshadow) and a shadow-memory budget. (Host faults in deep frames and
 * threads: reliability.HostBehaviours reproduces a hang still open in issue 9.)
 */
class ReliabilityIT {
  private static final String AGENT = System.getProperty("refshadow.agent.jar");

  record Run(int exit, List<String> stdout, String stderr) {}

  private static Run run(List<String> jvmArgs, String agentOptions, String main) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    if (agentOptions != null) {
      cmd.add("-javaagent:" + AGENT + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    cmd.add("-cp");
    cmd.add(ProgramsUnderAgentIT.libraryClassPath());
    cmd.add(main);
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
  void aBadBudgetIsRefusedNamingTheOptionAndTheFix() throws Exception {
    Run bad = run(List.of(), "maxShadowMemory=lots", "constructs.Constructs");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.stderr())
        .contains("bad size 'lots' for option maxShadowMemory")
        .contains("e.g. 512m");
  }
}
