package io.refshadow.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentSummaryTest {
  /** The summary as README.md shows it, as the agent prints it at exit. */
  static final String SUMMARY =
      "refshadow summary (profile cpython-3.12)\n"
          + "  objects seen                354490 (294261 allocated, 60229 adopted)\n"
          + "  freed by refcount           293930\n"
          + "  freed by cycle detector      29647\n"
          + "  still alive                  30913\n"
          + "  pinned (escaped)               360\n"
          + "  precision                     99.9%\n"
          + "  collections              gen0 232, gen1 21, gen2 1\n"
          + "  instrumented             611 classes, 9798 methods; failed: 0 classes, 2 methods\n"
          + "  internal failures                3\n";

  @Test
  void readsPrecisionAndCountsFromTheAgentsExitSummary() {
    AgentSummary s = AgentSummary.parse(SUMMARY);
    assertThat(s.hasPrecision()).isTrue();
    assertThat(s.precisionPercent).isEqualTo(99.9);
    assertThat(s.allocated).isEqualTo(294261);
    assertThat(s.adopted).isEqualTo(60229);
    assertThat(s.pinned).isEqualTo(360);
    assertThat(s.failedClasses).isZero();
    assertThat(s.failedMethods).isEqualTo(2);
    assertThat(s.internalFailures).isEqualTo(3);
  }

  @Test
  void aTextWithoutASummaryHasNoPrecision() {
    AgentSummary s = AgentSummary.parse("refshadow: summary unavailable: boom\n");
    assertThat(s.hasPrecision()).isFalse();
    assertThat(s.allocated).isEqualTo(-1);
  }
}
