package io.refshadow.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The difference between two {@link HeapSnapshot}s, type by type; {@link #toString} prints the
 * types that grew as objgraph's {@code show_growth} does: name, count now, increase. Immutable.
 */
public final class HeapGrowth {
  /**
   * One type's change.
   *
   * @param type the type's binary name (arrays as {@code byte[]})
   * @param count objects of the type in the later snapshot
   * @param delta the change in that count
   * @param bytesDelta the change in their shallow bytes
   */
  public record TypeChange(String type, long count, long delta, long bytesDelta) {}

  private final List<TypeChange> changes;

  private HeapGrowth(List<TypeChange> changes) {
    this.changes = changes;
  }

  static HeapGrowth between(Map<String, long[]> before, Map<String, long[]> after) {
    List<TypeChange> changes = new ArrayList<>();
    TreeSet<String> types = new TreeSet<>(before.keySet());
    types.addAll(after.keySet());
    for (String t : types) {
      long[] b = before.getOrDefault(t, new long[2]);
      long[] a = after.getOrDefault(t, new long[2]);
      if (a[0] != b[0] || a[1] != b[1]) {
        changes.add(new TypeChange(t, a[0], a[0] - b[0], a[1] - b[1]));
      }
    }
    changes.sort(
        Comparator.comparingLong((TypeChange c) -> -c.delta()).thenComparing(TypeChange::type));
    return new HeapGrowth(Collections.unmodifiableList(changes));
  }

  /** Every type whose count or bytes changed, largest increase first. */
  public List<TypeChange> changes() {
    return changes;
  }

  /** The types whose count grew, largest increase first: what {@code show_growth} lists. */
  public List<TypeChange> increases() {
    List<TypeChange> out = new ArrayList<>();
    for (TypeChange c : changes) {
      if (c.delta() > 0) {
        out.add(c);
      }
    }
    return out;
  }

  /** The change in the count of the type named {@code typeName}. */
  public long delta(String typeName) {
    for (TypeChange c : changes) {
      if (c.type().equals(typeName)) {
        return c.delta();
      }
    }
    return 0;
  }

  /** The change in the count of exactly {@code type}. */
  public long delta(Class<?> type) {
    return delta(CheckSettings.typeName(type));
  }

  /** Whether no type grew. */
  public boolean isEmpty() {
    return increases().isEmpty();
  }

  /** The first {@code limit} increases, one per line, as {@code show_growth(limit)} prints them. */
  public String format(int limit) {
    List<TypeChange> grown = increases();
    int width = 0;
    for (int i = 0; i < grown.size() && i < limit; i++) {
      width = Math.max(width, grown.get(i).type().length());
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < grown.size() && i < limit; i++) {
      TypeChange c = grown.get(i);
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(
          String.format(Locale.ROOT, "%-" + width + "s %9d %+9d", c.type(), c.count(), c.delta()));
    }
    return b.toString();
  }

  /** {@link #format} with objgraph's default limit of 10. */
  @Override
  public String toString() {
    return format(10);
  }
}
