package io.refshadow.agent.report;

import java.util.Locale;

/** Durations in nanoseconds, written for a reader: "540 ns", "12.3 µs", "4.5 ms", "2.0 s". */
final class Durations {
  private Durations() {}

  static String format(long nanos) {
    long abs = Math.abs(nanos);
    if (abs < 1_000) {
      return nanos + " ns";
    }
    if (abs < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (abs < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** The value at quantile q (0..1) of sorted values; 0 for none. */
  static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
