package io.refshadow.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jfr} with {@code --sample-ms}: the recording samples threads at the period asked for.
 */
class WorkloadMainJfrTest {
  @TempDir Path dir;

  /** The values the recording kept for jdk.ExecutionSample's period setting, in nanoseconds. */
  private static List<Long> executionSamplePeriods(Path jfr) throws Exception {
    List<Long> periods = new ArrayList<>();
    long executionSample = executionSampleId(jfr);
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (e.getEventType().getName().equals("jdk.ActiveSetting")
          && e.getString("name").equals("period")
          && e.getLong("id") == executionSample) {
        periods.add(nanos(e.getString("value")));
      }
    }
    return periods;
  }

  /** A JFR period setting ("10 ms", "3000000 ns") in nanoseconds. */
  private static long nanos(String setting) {
    String[] parts = setting.trim().split(" ");
    long n = Long.parseLong(parts[0]);
    switch (parts[1]) {
      case "ns":
        return n;
      case "us":
        return n * 1_000;
      case "ms":
        return n * 1_000_000;
      case "s":
        return n * 1_000_000_000;
      default:
        throw new AssertionError("a period in an unknown unit: " + setting);
    }
  }

  private static long executionSampleId(Path jfr) throws Exception {
    try (RecordingFile f = new RecordingFile(jfr)) {
      return f.readEventTypes().stream()
          .filter(t -> t.getName().equals("jdk.ExecutionSample"))
          .findFirst()
          .orElseThrow()
          .getId();
    }
  }

  @Test
  void samplesThreadsAtThePeriodAskedFor() throws Exception {
    Path jfr = dir.resolve("asked.jfr");
    WorkloadMain.main(
        new String[] {
          "jackson",
          "--size",
          "10",
          "--warmup",
          "1",
          "--reps",
          "1",
          "--jfr",
          "" + jfr,
          "--sample-ms",
          "3"
        });
    assertThat(executionSamplePeriods(jfr)).contains(3_000_000L);
  }

  @Test
  void withoutTheOptionTheProfileSettingsDecide() throws Exception {
    Path jfr = dir.resolve("default.jfr");
    WorkloadMain.main(
        new String[] {
          "jackson", "--size", "10", "--warmup", "1", "--reps", "1", "--jfr", "" + jfr
        });
    assertThat(executionSamplePeriods(jfr)).isNotEmpty().doesNotContain(3_000_000L);
  }

  @Test
  void aPeriodBelowOneMillisecondIsRefusedWithTheReason() {
    assertThatThrownBy(() -> WorkloadMain.main(new String[] {"jackson", "--sample-ms", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--sample-ms must be at least 1");
  }
}
