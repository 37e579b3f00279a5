package io.refshadow.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForkOutputTest {
  @Test
  void collectsTimedRepetitionsAndTheChecksumIgnoringOtherLines() {
    ForkOutput out =
        ForkOutput.parse(
            "OpenJDK 64-Bit Server VM warning: Sharing is only supported\n"
                + "rep 0 114.667\nrep 1 108.400\r\nrep 2 106.024\n"
                + "checksum -3795078094165093011\nallocations-sampled 42\n");
    assertThat(out.repMillis).containsExactly(114.667, 108.4, 106.024);
    assertThat(out.checksum).isEqualTo("-3795078094165093011");
    assertThat(out.complete(3)).isTrue();
    assertThat(out.complete(5)).as("fewer repetitions than asked for").isFalse();
  }

  @Test
  void collectsTheWorkloadThreadsCpuTimesAndTheWarmUpCount() {
    ForkOutput out =
        ForkOutput.parse(
            "warmup 41\nrep 0 114.667\ncpu 0 101.250\nrep 1 108.400\ncpu 1 99.000\nchecksum 7\n");
    assertThat(out.cpuMillis).containsExactly(101.25, 99.0);
    assertThat(out.warmupReps).isEqualTo(41);
    assertThat(ForkOutput.parse("rep 0 1.0\nchecksum 7\n").warmupReps)
        .as("an older fork that printed no warm-up count")
        .isEqualTo(-1);
  }

  @Test
  void aForkThatDiedBeforeItsChecksumIsIncomplete() {
    ForkOutput out = ForkOutput.parse("rep 0 10.0\n");
    assertThat(out.checksum).isNull();
    assertThat(out.complete(1)).isFalse();
  }
}
