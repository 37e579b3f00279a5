package io.refshadow.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostLadderTest {
  /** One workload's repetitions per rung, in {@link CostLadder#RUNGS} order. */
  private static Map<String, List<Double>> rungs(List<List<Double>> reps) {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    for (int i = 0; i < CostLadder.RUNGS.size(); i++) {
      m.put(CostLadder.RUNGS.get(i).name(), reps.get(i));
    }
    return m;
  }

  @Test
  void eachRungGetsItsRatioToPlainAndToTheRungBelowAndTheirGeometricMean() {
    WorkloadHarness.Settings s = WorkloadHarness.Settings.quick();
    Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
    // medians 10, 15, 300, 360, 540: x1.5, x30, x36, x54 to plain; steps 1.5, 20, 1.2, 1.5
    cpu.put(
        "jackson",
        rungs(
            List.of(
                List.of(9.0, 10.0, 11.0),
                List.of(15.0, 14.0, 16.0),
                List.of(300.0, 290.0, 310.0),
                List.of(360.0, 360.0, 1000.0),
                List.of(540.0, 500.0, 600.0))));
    // medians 20, 60, 1200, 1200, 2400: x3, x60, x60, x120; geomeans with jackson's:
    // sqrt(1.5 * 3), sqrt(30 * 60), sqrt(36 * 60), sqrt(54 * 120)
    cpu.put(
        "h2",
        rungs(
            List.of(
                List.of(20.0), List.of(60.0), List.of(1200.0), List.of(1200.0), List.of(2400.0))));
    Map<String, Map<String, List<Double>>> wall = cpu;

    String table = CostLadder.table(s, wall, cpu, List.of());

    assertThat(table)
        .contains("| jackson 2,000 | plain | the program alone | 10.0 | 10.0 | 1.00 |  |")
        .contains("| jackson 2,000 | mirror=none | ")
        .contains(" | 15.0 | 15.0 | 1.50 | 1.50 |")
        .contains(" | 300.0 | 300.0 | 30.00 | 20.00 |")
        .contains(" | 360.0 | 360.0 | 36.00 | 1.20 |")
        .contains(" | 540.0 | 540.0 | 54.00 | 1.50 |")
        .contains(" | 1200.0 | 1200.0 | 60.00 | 1.00 |")
        .contains("| mirror=none | 2.12 |")
        .contains("| mirror=1/1024 | 42.43 |")
        .contains("| mirror=1/16 | 46.48 |")
        .contains("| all | 80.50 |")
        .contains("Same output on every rung: yes.");
  }

  @Test
  void aRungThatPrintedAnotherChecksumIsNamed() {
    WorkloadHarness.Settings s = WorkloadHarness.Settings.quick().withAgentOptions(null);
    s.workloads = List.of("h2");
    Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
    cpu.put(
        "h2", rungs(List.of(List.of(1.0), List.of(2.0), List.of(3.0), List.of(4.0), List.of(5.0))));

    assertThat(CostLadder.table(s, cpu, cpu, List.of("h2 mirror=1/16")))
        .contains("Same output on every rung: NO (h2 mirror=1/16).");
  }

  @Test
  void aRungsOptionsAreAddedToTheOnesGivenOnTheCommandLine() {
    WorkloadHarness.Settings s =
        WorkloadHarness.parse(new String[] {"--agent-options", "jfr=x.jfr"});

    assertThat(s.withAgentOptions("mirror=none").agentOptions).isEqualTo("jfr=x.jfr,mirror=none");
    assertThat(s.withAgentOptions("").agentOptions).isEqualTo("jfr=x.jfr");
    assertThat(WorkloadHarness.Settings.quick().withAgentOptions("mirror=1/16").agentOptions)
        .isEqualTo("mirror=1/16");
    assertThat(s.withAgentOptions("mirror=none").sizes).isEqualTo(s.sizes);
  }
}
