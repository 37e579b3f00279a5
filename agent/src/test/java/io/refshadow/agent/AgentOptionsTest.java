package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Agent option values that mean something other than their text. */
class AgentOptionsTest {
  @Test
  void summaryNoneSwitchesTheSummaryOffInsteadOfWritingAFileNamedNone() {
    assertThat(AgentOptions.parse("summary=none").summary).isEqualTo("off");
    assertThat(AgentOptions.parse("summary=off").summary).isEqualTo("off");
  }

  @Test
  void anyOtherSummaryValueIsWhereTheSummaryGoes() {
    assertThat(AgentOptions.parse("summary=./none").summary).isEqualTo("./none");
    assertThat(AgentOptions.parse("summary=stdout").summary).isEqualTo("stdout");
    assertThat(AgentOptions.parse("").summary).isEqualTo("stderr");
  }
}
