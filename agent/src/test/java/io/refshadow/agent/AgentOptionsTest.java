package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void mirrorTakesAllNoneOrOneInAPowerOfTwo() {
    assertThat(AgentOptions.parse("").mirrorOneIn).isEqualTo(1);
    assertThat(AgentOptions.parse("mirror=all").mirrorOneIn).isEqualTo(1);
    assertThat(AgentOptions.parse("mirror=1/16").mirrorOneIn).isEqualTo(16);
    assertThat(AgentOptions.parse("mirror=none").mirrorOneIn).isZero();
    assertThatThrownBy(() -> AgentOptions.parse("mirror=nothing"))
        .hasMessageContaining("bad value 'nothing' for option mirror")
        .hasMessageContaining("use all, none, or 1/N");
  }
}
