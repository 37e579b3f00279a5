package io.refshadow.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void readsSizesInPowersOf1024LikePytestMemray() {
    assertThat(ByteSize.parse("24 MB")).isEqualTo(24L << 20);
    assertThat(ByteSize.parse("24MB")).isEqualTo(24L << 20);
    assertThat(ByteSize.parse("1.5 GB")).isEqualTo(3L << 29);
    assertThat(ByteSize.parse("512 KiB")).isEqualTo(512L << 10);
    assertThat(ByteSize.parse("4096 B")).isEqualTo(4096);
    assertThat(ByteSize.parse("100")).isEqualTo(100);
    assertThat(ByteSize.parse("2 mb")).isEqualTo(2L << 20);
  }

  @Test
  void aSizeItCannotReadIsRejectedWithExamples() {
    assertThatThrownBy(() -> ByteSize.parse("24 parsecs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "refshadow: cannot read the size '24 parsecs': write a number and a unit, such as"
                + " \"24 MB\", \"512 KB\", \"1.5 GB\" or \"4096 B\" (units are powers of 1024)");
  }

  @Test
  void printsOneDecimalInTheLargestFittingUnit() {
    assertThat(ByteSize.format(33554448)).isEqualTo("32.0 MB");
    assertThat(ByteSize.format(1536)).isEqualTo("1.5 KB");
    assertThat(ByteSize.format(1000)).isEqualTo("1000 B");
  }
}
