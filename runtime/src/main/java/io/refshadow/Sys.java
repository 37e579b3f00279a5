package io.refshadow;

import io.refshadow.heap.PyApi;

/** Python's {@code sys} functions about memory, answered by the shadow heap. */
public final class Sys {
  private Sys() {}

  /**
   * {@code sys.getrefcount(x)}: the references to {@code x} in the shadow heap, plus the one its
   * argument holds, as in Python ({@code b = a; c = a; getRefcount(a)} is 4 at module level).
   * Immortal objects (literals, cached boxes, null) answer 4294967295, as CPython 3.12 does.
   */
  public static long getRefcount(Object x) {
    return PyApi.getRefcount(x);
  }

  /** {@code sys.getsizeof(x)}: the JVM's shallow size of {@code x} in bytes. */
  public static long getSizeOf(Object x) {
    return PyApi.sizeOf(x);
  }
}
