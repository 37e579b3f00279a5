package io.refshadow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Stats.median(List.of())).isNaN();
  }

  @Test
  void geometricMeanOfRatios() {
    assertThat(Stats.geomean(List.of(2.0, 8.0))).isCloseTo(4.0, within(1e-12));
    assertThat(Stats.geomean(List.of(2.0, 0.0))).isNaN();
  }

  @Test
  void threadScalingTableGivesEachCountRelativeToOneThread() {
    String table =
        ThreadScaling.table(
            new int[] {1, 2, 4},
            new java.util.LinkedHashMap<>(
                java.util.Map.of("shadow", new double[] {1000, 500, 250})));
    assertThat(table)
        .contains("| 1 | 1,000 | 1.00 |")
        .contains("| 2 | 500 | 0.50 |")
        .contains("| 4 | 250 | 0.25 |");
  }
}
