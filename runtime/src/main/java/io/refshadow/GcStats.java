package io.refshadow;

/** One generation's entry of {@code gc.get_stats()}. */
public record GcStats(long collections, long collected, long uncollectable) {
  /** Dict-style access: {@code "collections"}, {@code "collected"} or {@code "uncollectable"}. */
  public long get(String key) {
    switch (key) {
      case "collections":
        return collections;
      case "collected":
        return collected;
      case "uncollectable":
        return uncollectable;
      default:
        throw new IllegalArgumentException(
            "no key '" + key + "' in gc stats; keys: collections, collected, uncollectable");
    }
  }

  /** As Python prints the dict. */
  @Override
  public String toString() {
    return "{'collections': "
        + collections
        + ", 'collected': "
        + collected
        + ", 'uncollectable': "
        + uncollectable
        + "}";
  }
}
