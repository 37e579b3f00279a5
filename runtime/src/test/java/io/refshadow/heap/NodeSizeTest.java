package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node keeps its object's size in 8-byte words: what the reports read back must be the bytes. */
class NodeSizeTest {
  private static Node node(long bytes) {
    return new Node(null, ClassInfo.of(Object[].class), bytes, null);
  }

  @Test
  void sizesTheJvmReportsComeBackUnchanged() {
    assertThat(node(16).size()).isEqualTo(16);
    assertThat(node(4000).size()).isEqualTo(4000);
    assertThat(node(0).size()).isEqualTo(0);
  }

  @Test
  void anArrayPastTwoGigabytesKeepsItsSize() {
    // a long[1_500_000_000] is 12,000,000,016 bytes: past an int of bytes, within an int of words
    long bytes = 16 + 8L * 1_500_000_000;
    assertThat(node(bytes).size()).isEqualTo(bytes);
  }

  @Test
  void anUnknownSizeStaysUnknown() {
    // the agent's sizer answers -1 when Instrumentation.getObjectSize fails; reports clamp it to 0
    assertThat(node(-1).size()).isEqualTo(-1);
  }

  @Test
  void aSizeThatIsNotAMultipleOfEightIsRoundedUp() {
    assertThat(node(17).size()).isEqualTo(24);
  }
}
