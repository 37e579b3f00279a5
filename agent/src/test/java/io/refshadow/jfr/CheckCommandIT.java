package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jfrprograms.PinsHalf;
import jfrprograms.TwoObjectCycles;
import org.junit.jupiter.api.Test;

/**
 * {@code refshadow check}: exit status 0 within budget, 1 over budget (saying which, by how much,
 * and the worst offenders), 2 for bad usage or a recording it cannot use, with one line and no
 * stack trace.
 */
class CheckCommandIT {
  static final String PAIR = TwoObjectCycles.class.getName() + "$Pair";

  static Path cycles() {
    return JfrRuns.recording(TwoObjectCycles.class, "");
  }

  @Test
  void withinEveryBudgetExitsZero() throws Exception {
    // 200 objects of cycles, all collectable, a few KiB at most, no object passed to JDK code
    JfrRuns.Result r =
        JfrRuns.cli(
            "check",
            cycles().toString(),
            "--max-uncollectable",
            "0",
            "--max-cyclic-garbage",
            "200",
            "--max-shadow-bytes",
            "1 MB",
            "--min-precision",
            "0.5");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout())
        .contains("OK, 4 budgets met")
        .contains("cyclic garbage")
        .contains("200 objects <= 200");
  }

  @Test
  void tooMuchCyclicGarbageExitsOneNamingTheBudgetTheExcessAndTheCycle() throws Exception {
    JfrRuns.Result r = JfrRuns.cli("check", cycles().toString(), "--max-cyclic-garbage", "10");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
    assertThat(r.stdout())
        .contains("FAILED, 1 of 1 budgets exceeded")
        .contains("EXCEEDED  cyclic garbage")
        .contains("200 objects > 10 (by 190)")
        .contains("worst offenders")
        .contains("200 objects in 100 cycles of " + PAIR + " x2")
        .contains(PAIR + ".partner -> " + PAIR);
  }

  @Test
  void tooManyShadowBytesExitsOneNamingTheTypesThatHeldThem() throws Exception {
    JfrRuns.Result r = JfrRuns.cli("check", cycles().toString(), "--max-shadow-bytes", "1");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
    assertThat(r.stdout())
        .contains("EXCEEDED  peak shadow bytes")
        .contains("> 1 B (by ")
        .contains(PAIR);
  }

  @Test
  void precisionBelowTheMinimumExitsOneNamingPinnedObjects() throws Exception {
    // PinsHalf hands half its objects to JDK code: precision is at most 50%
    JfrRuns.Result r =
        JfrRuns.cli(
            "check", JfrRuns.recording(PinsHalf.class, "").toString(), "--min-precision", "60%");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
    assertThat(r.stdout())
        .contains("EXCEEDED  precision")
        .contains("< 60.0%")
        .containsPattern("worst offenders: (\\d{2,}) objects pinned");
  }

  @Test
  void badUsageExitsTwoWithOneLine() throws Exception {
    String rec = cycles().toString();
    assertUnusable(JfrRuns.cli("check", rec, "--max-shadow-bytes", "lots"), "bad size 'lots'");
    assertUnusable(JfrRuns.cli("check", rec, "--min-precision", "2x"), "bad precision '2x'");
    assertUnusable(JfrRuns.cli("check", rec), "give at least one budget");
    assertUnusable(
        JfrRuns.cli("check", rec, "--max-cyclic-garbage", "many"), "--max-cyclic-garbage");
    assertUnusable(JfrRuns.cli("check", rec, "--frobnicate"), "--frobnicate");
  }

  @Test
  void aMissingEmptyTruncatedForeignOrNonJfrFileExitsTwoWithOneLine() throws Exception {
    Files.createDirectories(JfrRuns.DIR);
    Path missing = JfrRuns.DIR.resolve("no-such-recording.jfr");
    Files.deleteIfExists(missing);
    assertUnusable(check(missing), "no such file");

    Path empty = JfrRuns.DIR.resolve("empty.jfr");
    Files.write(empty, new byte[0]);
    assertUnusable(check(empty), "is empty");

    byte[] whole = Files.readAllBytes(cycles());
    Path truncated = JfrRuns.DIR.resolve("truncated.jfr");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertUnusable(check(truncated), "cannot read");

    Path text = JfrRuns.DIR.resolve("not-a-recording.jfr");
    Files.writeString(text, "this is not a flight recording\n");
    assertUnusable(check(text), "cannot read");

    // a real JFR recording, made here, of a JVM without the agent
    Path foreign = JfrRuns.DIR.resolve("foreign.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(10));
      r.start();
      Thread.sleep(50);
      r.stop();
      r.dump(foreign);
    }
    assertUnusable(check(foreign), "without refshadow events");
    assertUnusable(JfrRuns.cli("report", foreign.toString()), "without refshadow events");
    assertUnusable(JfrRuns.cli("summary", truncated.toString()), "cannot read");
  }

  private static JfrRuns.Result check(Path rec) throws Exception {
    return JfrRuns.cli("check", rec.toString(), "--max-cyclic-garbage", "0");
  }

  private static void assertUnusable(JfrRuns.Result r, String message) {
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
    assertThat(r.stderr()).as(r.describe()).contains(message);
    assertThat(r.stderr().strip().lines().count()).as("one line: " + r.stderr()).isEqualTo(1);
    assertThat(r.stderr()).doesNotContain("\tat ", "Exception in thread");
    assertThat(r.stdout()).as(r.describe()).isEmpty();
  }
}
