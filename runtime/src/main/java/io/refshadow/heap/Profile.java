package io.refshadow.heap;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A CPython version whose collector settings the shadow heap follows. */
public enum Profile {
  /** CPython 3.12: thresholds (700, 10, 10). The default. */
  CPYTHON_3_12("cpython-3.12", 700, 10, 10),
  /** CPython 3.13: thresholds (2000, 10, 10); the same generational algorithm. */
  CPYTHON_3_13("cpython-3.13", 2000, 10, 10);

  public static final Profile DEFAULT = CPYTHON_3_12;

  private final String id;
  private final int[] thresholds;

  Profile(String id, int... thresholds) {
    this.id = id;
    this.thresholds = thresholds;
  }

  /** The option value naming this profile, for example {@code cpython-3.12}. */
  public String id() {
    return id;
  }

  public int[] thresholds() {
    return thresholds.clone();
  }

  /**
   * The profile named {@code id}.
   *
   * @throws IllegalArgumentException naming the valid values
   */
  public static Profile byId(String id) {
    for (Profile p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + id + "'; valid profiles: " + validIds());
  }

  public static String validIds() {
    return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
  }
}
