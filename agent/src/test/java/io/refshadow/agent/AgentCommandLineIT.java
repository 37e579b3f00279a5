package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a user sees on the command line: the four examples, run as plain programs under
 * {@code -javaagent:refshadow-agent.jar}, a bad agent option, and the exit summary. Expected values
 * are CPython's (the issue states them): {@code sys.getrefcount} 4, {@code gc.collect()} 1 and 2,
 * {@code __del__} at {@code del}.
 */
class AgentCommandLineIT {

  @Test
  void getrefcountOfAnObjectHeldByThreeLocalsIsFour() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.SeedGetrefcount", "seed-getrefcount");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines()).as(r.describe()).containsExactly("4");
  }

  @Test
  void collectFreesASelfReferencingObjectAfterItsLastNameIsDropped() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.SeedSelfCycle", "seed-self-cycle");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines()).as(r.describe()).containsExactly("1");
  }

  @Test
  void collectFreesATwoObjectCycle() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.SeedPairCycle", "seed-pair-cycle");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines()).as(r.describe()).containsExactly("2");
  }

  @Test
  void delMethodRunsWhenTheLastReferenceIsDroppedNotAtCollect() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.SeedDelAtDel", "seed-del-at-del");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines())
        .as(r.describe())
        .containsExactly("created", "Object destroyed", "deleted", "collect 0");
  }

  @Test
  void jvmRefusesToStartWithAnUnknownOptionNamingItAndTheValidOnes() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("bogus=1", "twins.SeedDelAtDel", "bad-option");
    assertThat(r.exitCode()).as(r.describe()).isNotZero();
    // stdout may hold the JVM's own "FATAL ERROR ... -javaagent failed", never the program's lines
    assertThat(r.stdout()).as("the program must not have run").doesNotContain("created");
    assertThat(r.stderr()).as(r.describe()).contains("unknown option 'bogus'");
    for (String valid : AgentOptions.KEYS.keySet()) {
      assertThat(r.stderr())
          .as("lists the valid option %s%n%s", valid, r.describe())
          .contains(valid);
    }
  }

  @Test
  void jvmRefusesToStartWithABadOptionValue() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run("profile=cpython-2.7", "twins.SeedDelAtDel", "bad-option-value");
    assertThat(r.exitCode()).as(r.describe()).isNotZero();
    assertThat(r.stdout()).as("the program must not have run").doesNotContain("created");
    assertThat(r.stderr())
        .as(r.describe())
        .contains("'cpython-2.7'")
        .contains("cpython-3.12")
        .contains("cpython-3.13");
  }

  @Test
  void exitSummaryGoesToStderrWithPrecisionAndLeavesStdoutToTheProgram() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run(null, "twins.SeedPairCycle", "summary-default");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines()).as(r.describe()).containsExactly("2");
    assertThat(r.stderr()).as(r.describe()).contains("refshadow summary").contains("precision");
  }

  /**
   * Objects pinned by escaping into unwatched code are freed once the JVM has reclaimed them, and
   * the summary says how many; before, all 1,000 structures stayed alive in the shadow (the H2
   * workload kept every dropped database that way).
   */
  @Test
  void pinnedObjectsTheJvmReclaimedAreFreedAndTheSummaryCountsThem() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run("summary=stderr", "reliability.PinnedThenReclaimed", "pinned-reclaimed");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdoutLines()).as(r.describe()).containsExactly("handed over 1000", "done");
    java.util.regex.Matcher pinned =
        java.util.regex.Pattern.compile(
                "pinned \\(escaped\\)\\s+(\\d+) \\((\\d+) released once the JVM reclaimed them\\)")
            .matcher(r.stderr());
    assertThat(pinned.find()).as(r.describe()).isTrue();
    assertThat(Long.parseLong(pinned.group(1))).as("pinned").isGreaterThanOrEqualTo(1000);
    // the JVM may keep a few at exit; most are reclaimed within the program's 20 collections
    assertThat(Long.parseLong(pinned.group(2))).as("released after reclaim").isGreaterThan(900);
    java.util.regex.Matcher alive =
        java.util.regex.Pattern.compile("still alive\\s+(\\d+)").matcher(r.stderr());
    assertThat(alive.find()).as(r.describe()).isTrue();
    assertThat(Long.parseLong(alive.group(1)))
        .as("the 3,000 objects of the structures are not kept")
        .isLessThan(1000);
  }

  @Test
  void summaryOffPrintsNoSummary() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run("summary=off", "twins.SeedPairCycle", "summary-off");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stderr()).as(r.describe()).doesNotContain("refshadow summary");
  }
}
