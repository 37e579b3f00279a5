package io.refshadow;

/**
 * The {@code info} dict that CPython passes to each {@code gc.callbacks} entry: the generation
 * being collected and, in the "stop" phase, what was collected.
 */
public record GcInfo(int generation, long collected, long uncollectable) {
  /** Dict-style access: {@code "generation"}, {@code "collected"} or {@code "uncollectable"}. */
  public long get(String key) {
    switch (key) {
      case "generation":
        return generation;
      case "collected":
        return collected;
      case "uncollectable":
        return uncollectable;
      default:
        throw new IllegalArgumentException(
            "no key '" + key + "' in gc callback info; keys: generation, collected, uncollectable");
    }
  }

  /** As Python prints the dict. */
  @Override
  public String toString() {
    return "{'generation': "
        + generation
        + ", 'collected': "
        + collected
        + ", 'uncollectable': "
        + uncollectable
        + "}";
  }
}
