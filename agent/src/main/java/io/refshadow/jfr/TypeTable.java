package io.refshadow.jfr;

/**
 * Per-type counters of the shadow heap, indexed by a small type number. Written by the heap
 * listener with the heap's lock held; read without it by the periodic summary, which may see
 * counters a few operations apart (the arrays are replaced, never shrunk, when they grow).
 *
 * <p>Uses no {@code java.util} collection: those may be instrumented, and the periodic reader runs
 * outside the heap's lock, where an instrumented call would be mirrored into the shadow heap.
 */
final class TypeTable {
  /** Everything the readers see, replaced as one when the table grows. */
  static final class Columns {
    final String[] names;
    final long[] liveObjects;
    final long[] liveBytes;
    final long[] allocated;
    final long[] freedByRefcount;
    final long[] freedByCycles;

    /** Allocations whose stacks to keep, for types seen in cycles (see HeapEventsListener). */
    final int[] stackBudget;

    Columns(int capacity) {
      names = new String[capacity];
      liveObjects = new long[capacity];
      liveBytes = new long[capacity];
      allocated = new long[capacity];
      freedByRefcount = new long[capacity];
      freedByCycles = new long[capacity];
      stackBudget = new int[capacity];
    }

    Columns grow(int capacity) {
      Columns c = new Columns(capacity);
      System.arraycopy(names, 0, c.names, 0, names.length);
      System.arraycopy(liveObjects, 0, c.liveObjects, 0, names.length);
      System.arraycopy(liveBytes, 0, c.liveBytes, 0, names.length);
      System.arraycopy(allocated, 0, c.allocated, 0, names.length);
      System.arraycopy(freedByRefcount, 0, c.freedByRefcount, 0, names.length);
      System.arraycopy(freedByCycles, 0, c.freedByCycles, 0, names.length);
      System.arraycopy(stackBudget, 0, c.stackBudget, 0, names.length);
      return c;
    }
  }

  /** The most types kept apart; later ones share the last slot (named as such). */
  static final int MAX_TYPES = 1 << 20;

  static final String OTHER_TYPES = "(other types)";

  volatile Columns columns = new Columns(64);
  private volatile int size;

  // Open addressing from a type name (compared by identity first, then by equality) to its index.
  private String[] keys = new String[128];
  private int[] values = new int[128];

  /** Number of types seen. */
  int size() {
    return size;
  }

  /** The index of type {@code name}, adding it if new. */
  int indexOf(String name) {
    int mask = keys.length - 1;
    int i = mix(name.hashCode()) & mask;
    for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
      if (k == name || k.equals(name)) {
        return values[i];
      }
    }
    int index = size;
    if (index >= MAX_TYPES - 1) {
      index = MAX_TYPES - 1;
      columns.names[index] = OTHER_TYPES;
      return index;
    }
    Columns c = columns;
    if (index == c.names.length) {
      c = c.grow(c.names.length * 2);
    }
    c.names[index] = name;
    columns = c;
    keys[i] = name;
    values[i] = index;
    size = index + 1;
    if (size * 2 > keys.length) {
      rehash();
    }
    return index;
  }

  private void rehash() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = mix(oldKeys[j].hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * The indexes of up to {@code n} types with the most live bytes, most first (reads racily, as
   * described above).
   */
  int[] topByLiveBytes(int n) {
    Columns c = columns;
    int count = Math.min(size, c.names.length);
    int[] top = new int[Math.min(n, count)];
    int filled = 0;
    for (int t = 0; t < count; t++) {
      long bytes = c.liveBytes[t];
      if (bytes <= 0 && c.liveObjects[t] <= 0) {
        continue;
      }
      int pos = filled;
      while (pos > 0 && c.liveBytes[top[pos - 1]] < bytes) {
        pos--;
      }
      if (pos >= top.length) {
        continue;
      }
      int last = Math.min(filled, top.length - 1);
      System.arraycopy(top, pos, top, pos + 1, last - pos);
      top[pos] = t;
      if (filled < top.length) {
        filled++;
      }
    }
    int[] out = new int[filled];
    System.arraycopy(top, 0, out, 0, filled);
    return out;
  }
}
