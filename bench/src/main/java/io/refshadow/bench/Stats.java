package io.refshadow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The two statistics the tables use: medians of repetitions, geometric means of ratios. */
public final class Stats {
  private Stats() {}

  /** The median (mean of the middle two for an even count); NaN when empty. */
  public static double median(Collection<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int m = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
  }

  /** The geometric mean; NaN when empty or when any value is not positive. */
  public static double geomean(Collection<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double logs = 0;
    for (double v : values) {
      if (!(v > 0)) {
        return Double.NaN;
      }
      logs += Math.log(v);
    }
    return Math.exp(logs / values.size());
  }
}
