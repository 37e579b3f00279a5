package io.refshadow.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadHarnessTest {
  private static Map<WorkloadHarness.Mode, List<Double>> cells(
      List<Double> plain, List<Double> refshadow, List<Double> allocinstr) {
    Map<WorkloadHarness.Mode, List<Double>> m = new LinkedHashMap<>();
    m.put(WorkloadHarness.Mode.PLAIN, plain);
    m.put(WorkloadHarness.Mode.REFSHADOW, refshadow);
    m.put(WorkloadHarness.Mode.ALLOCINSTR, allocinstr);
    return m;
  }

  @Test
  void cpuTableGivesEachWorkloadsMedianRatiosAndTheirGeometricMean() {
    WorkloadHarness.Settings s = WorkloadHarness.Settings.quick();
    Map<String, Map<WorkloadHarness.Mode, List<Double>>> cpu = new LinkedHashMap<>();
    // medians 11, 110, 22: ratios 10 and 2
    cpu.put(
        "jackson",
        cells(List.of(10.0, 12.0, 11.0), List.of(110.0, 121.0, 99.0), List.of(22.0, 22.0, 33.0)));
    // medians 5, 200, 40: ratios 40 and 8; geomeans sqrt(10 * 40) = 20 and sqrt(2 * 8) = 4
    cpu.put(
        "h2",
        cells(List.of(5.0, 5.0, 6.0), List.of(200.0, 190.0, 210.0), List.of(40.0, 41.0, 39.0)));

    String table = WorkloadHarness.cpuTable(s, cpu);

    assertThat(table)
        .contains("| jackson | 11.0 | 110.0 | 22.0 | 10.00 | 2.00 |")
        .contains("| h2 | 5.0 | 200.0 | 40.0 | 40.00 | 8.00 |")
        .contains("| **geomean** | | | | **20.00** | **4.00** |");
  }

  @Test
  void cpuTableIsLeftOutWhenForksPrintedNoCpuTimes() {
    WorkloadHarness.Settings s = WorkloadHarness.Settings.quick();
    Map<String, Map<WorkloadHarness.Mode, List<Double>>> cpu = new LinkedHashMap<>();
    cpu.put("jackson", cells(List.of(), List.of(), List.of()));
    cpu.put("h2", cells(List.of(), List.of(), List.of()));

    assertThat(WorkloadHarness.cpuTable(s, cpu)).isEmpty();
  }
}
