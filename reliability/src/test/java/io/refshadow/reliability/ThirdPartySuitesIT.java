package io.refshadow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Code refshadow's authors did not write, tested by its own authors' tests: a quick subset of
 * commons-lang3's and commons-collections4's published test suites, run through the JUnit Platform
 * console launcher with and without the agent (which instruments everything outside the JDK, the
 * test classes included), must find, pass, fail, abort and skip the same numbers of tests. The
 * whole suites: {@code reliability/third-party-suites}.
 */
class ThirdPartySuitesIT {
  private static final Path SUITES = Path.of(System.getProperty("refshadow.suites.dir"));

  /** Only catches a hang: a quick subset takes well under a minute under the agent. */
  private static final ThirdPartySuites RUNNER =
      new ThirdPartySuites(SUITES, SUITES.resolve("runs"), Duration.ofMinutes(10));

  @ParameterizedTest
  @EnumSource(ThirdPartySuites.Suite.class)
  void aPublishedSuiteCountsTheSameTestsPassedFailedAndSkippedUnderTheAgent(
      ThirdPartySuites.Suite suite) throws Exception {
    ThirdPartySuites.Run plain = RUNNER.run(suite, ThirdPartySuites.Selection.QUICK, false, null);
    ThirdPartySuites.Run watched = RUNNER.run(suite, ThirdPartySuites.Selection.QUICK, true, null);

    System.out.printf(
        "%s quick subset: without the agent %s (%d s); with it %s (%d s)%n",
        suite,
        plain.counts().outcome(),
        plain.counts().time().toSeconds(),
        watched.counts().outcome(),
        watched.counts().time().toSeconds());
    assertThat(plain.counts().found()).as("the subset ran tests; see %s", plain.log()).isPositive();
    assertThat(plain.counts().successful()).isPositive();
    assertThat(watched.counts().outcome())
        .as("counts under the agent; see %s and %s", watched.log(), plain.log())
        .isEqualTo(plain.counts().outcome());
    assertThat(watched.failures())
        .as("the same tests fail (if any); see %s", watched.log())
        .isEqualTo(plain.failures());
    assertThat(watched.counts().exitCode()).isEqualTo(plain.counts().exitCode());
    assertThat(watched.summary()).as("the agent's exit summary").exists();
    assertThat(Files.readString(watched.summary()))
        .contains("refshadow summary")
        .containsPattern("objects seen\\s+[1-9]");
  }
}
