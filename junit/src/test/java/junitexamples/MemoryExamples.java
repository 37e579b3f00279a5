package junitexamples;

import io.refshadow.junit.LimitShadowMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run through EngineTestKit by {@code RefshadowExtensionIT}: the class-level limit is 24 MB. */
@LimitShadowMemory("24 MB")
public class MemoryExamples {
  static Object sink;

  @Test
  void bigArray() {
    byte[] big = new byte[32 * 1024 * 1024]; // 32 MiB and a 16-byte header
    sink = big.length;
  }

  @Test
  void arrayUnderTheLimit() {
    byte[] big = new byte[8 * 1024 * 1024];
    sink = big.length;
  }

  /**
   * Each chunk is freed by refcount when {@code chunk} is rebound, but only after the next one is
   * allocated (as {@code chunk = bytearray(n)} in Python): the peak is two chunks, 16 MB.
   */
  @Test
  void chunksFreedOneByOne() {
    for (int i = 0; i < 4; i++) {
      byte[] chunk = new byte[8 * 1024 * 1024];
      sink = chunk.length;
    }
  }

  /** The same chunks kept in a list until the end: the peak is all four, 32 MB. */
  @Test
  void chunksKeptInAList() {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      chunks.add(new byte[8 * 1024 * 1024]);
    }
    sink = chunks.size();
  }

  @Test
  @LimitShadowMemory("64 MB")
  void methodLimitTakesPrecedence() {
    byte[] big = new byte[32 * 1024 * 1024];
    sink = big.length;
  }
}
