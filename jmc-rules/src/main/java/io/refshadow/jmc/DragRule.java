package io.refshadow.jmc;

import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.EventNames.Fields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

/**
 * Scores a refshadow recording for drag: how long the JVM kept objects after CPython's rules would
 * have freed them (refshadow.Lifetime samples that were both freed and reclaimed). The score grows
 * with the 90th percentile of drag against a limit (a preference, 1 s by default): 75, a warning,
 * at the limit. The result names the type with the longest median drag.
 */
public final class DragRule extends RefshadowRule {
  static final String ID = "RefshadowDrag";

  static final TypedPreference<IQuantity> WARNING_LIMIT =
      new TypedPreference<>(
          "refshadow.drag.warningLimit",
          "Drag warning limit",
          "90th percentile of drag at which the rule warns",
          UnitLookup.TIMESPAN.getPersister(),
          UnitLookup.SECOND.quantity(1));

  static final TypedResult<IQuantity> DRAG_P90 =
      new TypedResult<>(
          "dragP90",
          "Drag (90th percentile)",
          "JVM reclaim time minus Python free time, 90th percentile of the samples",
          UnitLookup.TIMESPAN,
          IQuantity.class);

  public DragRule() {
    super(ID, "Drag: Dead Objects the JVM Keeps", EventNames.LIFETIME, WARNING_LIMIT, DRAG_P90);
  }

  /** The score for a 90th percentile of drag {@code p90} against {@code limit} (both in ns). */
  static double score(long p90, double limit) {
    if (p90 <= 0) {
      return 0;
    }
    return Math.min(100, 75 * p90 / Math.max(1, limit));
  }

  /** The value at quantile q of sorted values. */
  static long quantile(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  @Override
  IResult evaluate(IItemCollection items, IPreferenceValueProvider preferences) {
    List<Object[]> samples =
        RefshadowRuleSupport.rows(
            items,
            EventNames.LIFETIME,
            r ->
                new Object[] {
                  r.text(Fields.OBJECT_CLASS),
                  r.flag(Fields.FREED_BY_PYTHON) && r.flag(Fields.RECLAIMED_BY_JVM),
                  r.nanos(Fields.DRAG)
                });
    long[] drags =
        samples.stream().filter(s -> (Boolean) s[1]).mapToLong(s -> (Long) s[2]).sorted().toArray();
    if (drags.length == 0) {
      return ResultBuilder.createFor(this, preferences)
          .setSeverity(Severity.NA)
          .setSummary(
              samples.isEmpty()
                  ? "No object lifetimes were sampled (refshadow.Lifetime; agent option sample=)."
                  : "No sampled object was both freed by Python's rules and reclaimed by the JVM"
                      + " while recording.")
          .build();
    }
    long p90 = quantile(drags, 0.9);
    long median = quantile(drags, 0.5);
    double limit =
        preferences.getPreferenceValue(WARNING_LIMIT).clampedLongValueIn(UnitLookup.NANOSECOND);
    double score = score(p90, limit);
    Map<String, long[]> byType = new TreeMap<>();
    for (Object[] s : samples) {
      if ((Boolean) s[1]) {
        long[] v = byType.get((String) s[0]);
        v = v == null ? new long[] {(Long) s[2]} : append(v, (Long) s[2]);
        byType.put((String) s[0], v);
      }
    }
    String worstType = null;
    long worstMedian = Long.MIN_VALUE;
    for (Map.Entry<String, long[]> e : byType.entrySet()) {
      long[] v = e.getValue();
      Arrays.sort(v);
      long m = quantile(v, 0.5);
      if (m > worstMedian) {
        worstMedian = m;
        worstType = e.getKey();
      }
    }
    return ResultBuilder.createFor(this, preferences)
        .setSeverity(Severity.get(score))
        .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(score))
        .addResult(DRAG_P90, UnitLookup.NANOSECOND.quantity(p90))
        .setSummary(
            String.format(
                Locale.ROOT,
                "The JVM kept objects %s (median) and %s (90th percentile) after CPython would have"
                    + " freed them; longest for %s (median %s).",
                ms(median),
                ms(p90),
                worstType,
                ms(worstMedian)))
        .setExplanation(
            "Drag is the time between the moment Python's reference counting or cycle detector"
                + " would free an object and the moment the JVM's garbage collector reclaimed it,"
                + " measured on "
                + drags.length
                + " sampled objects. Dead objects that the JVM keeps make its heap larger than a"
                + " CPython process's would be; negative drag means the JVM reclaimed first"
                + " (typically cyclic garbage waiting for the cycle detector).")
        .setSolution(
            "Long drag is the JVM's normal trade of memory for throughput; if heap size matters,"
                + " compare with the JVM's own GC events in this recording and tune the heap or the"
                + " collector.")
        .build();
  }

  private static long[] append(long[] v, long x) {
    long[] out = Arrays.copyOf(v, v.length + 1);
    out[v.length] = x;
    return out;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
