package io.refshadow.agent.report;

import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.EventNames.Fields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code refshadow summary rec.jfr}: the report's facts as text. */
final class TextSummary {
  private TextSummary() {}

  static final int TOP = 5;

  static String render(RecordingData d) {
    StringBuilder b = new StringBuilder();
    f(
        b,
        "refshadow recording %s: %.1f s, profile %s%n",
        d.file,
        d.length().toMillis() / 1000.0,
        d.profile());
    b.append("Objects (Python's rules)\n");
    if (d.hasRunSummary()) {
      f(
          b,
          "  %-26s %10d   precision %s%n",
          "allocated",
          d.runLong(Fields.ALLOCATIONS, 0),
          percent(d.precision()));
      f(b, "  %-26s %10d%n", "freed by refcount", d.runLong(Fields.FREED_BY_REFCOUNT, 0));
      f(b, "  %-26s %10d%n", "freed by cycle detector", d.runLong(Fields.FREED_BY_CYCLES, 0));
      f(b, "  %-26s %10d%n", "alive at the end", d.runLong(Fields.LIVE_OBJECTS, 0));
    } else {
      b.append(
          "  (no refshadow.RunSummary: the recording ended before the agent's last figures)\n");
    }
    f(b, "  %-26s %10d%n", "uncollectable", d.uncollectable());
    long[] gens = new long[3];
    for (RecordingData.Collection c : d.collections) {
      gens[Math.max(0, Math.min(2, c.generation()))]++;
    }
    f(
        b,
        "  %-26s %10d   (gen0 %d, gen1 %d, gen2 %d), %d objects collected%n",
        "collections",
        d.collections.size(),
        gens[0],
        gens[1],
        gens[2],
        d.collected());
    b.append("Memory\n");
    f(
        b,
        "  %-26s peak %s, at the end %s%n",
        "shadow live bytes",
        Bytes.format(d.peakLiveBytes()),
        Bytes.format(d.runLong(Fields.LIVE_BYTES, lastLive(d))));
    f(
        b,
        "  %-26s peak %s, at the end %s%n",
        "pymalloc would hold",
        Bytes.format(d.peakPymallocHeldBytes()),
        Bytes.format(d.runLong(Fields.PYMALLOC_HELD_BYTES, lastHeld(d))));
    long jvmPeak = d.peakJvmHeapUsed();
    f(
        b,
        "  %-26s %s (%d JVM collections, %s of pauses)%n",
        "JVM heap used after GC",
        jvmPeak < 0 ? "no jdk.GCHeapSummary events" : "peak " + Bytes.format(jvmPeak),
        d.jvmCollections,
        Durations.format(d.jvmPauses.toNanos()));
    List<RecordingData.CycleShape> shapes = d.cyclesByObjects();
    b.append("Top cycle-forming types\n");
    if (shapes.isEmpty()) {
      b.append("  none: no reference cycle was collected\n");
    }
    for (RecordingData.CycleShape s : shapes.subList(0, Math.min(TOP, shapes.size()))) {
      b.append(cycleLine("  ", s));
    }
    appendLifetimes(b, d);
    if (!d.finalizersByType.isEmpty() || !d.weakrefCallbacksByType.isEmpty()) {
      b.append("Finalizers and weakref callbacks\n");
      d.finalizersByType.forEach((t, n) -> f(b, "  __del__ of %-40s %8d%n", t, n));
      d.weakrefCallbacksByType.forEach((t, n) -> f(b, "  callback for %-38s %8d%n", t, n));
    }
    return b.toString();
  }

  /** A cycle shape in two or three lines: counts and types, fields, where one was allocated. */
  static String cycleLine(String indent, RecordingData.CycleShape s) {
    StringBuilder b = new StringBuilder();
    f(b, "%s%d objects in %d cycles of %s%n", indent, s.objects, s.cycles, s.memberTypes);
    for (String field : s.cycleFields.split("\n")) {
      f(b, "%s    %s%n", indent, field);
    }
    if (!s.allocationStack.isEmpty()) {
      f(b, "%s    allocated at %s%n", indent, s.allocationStack.lines().findFirst().orElse(""));
    }
    return b.toString();
  }

  private static void appendLifetimes(StringBuilder b, RecordingData d) {
    List<RecordingData.Lifetime> ls = d.lifetimes;
    double rate = d.hasRunSummary() ? d.run.getDouble(Fields.SAMPLE_RATE) : Double.NaN;
    f(b, "Lifetimes (%d sampled objects, sample rate %s)%n", ls.size(), percent(rate));
    if (ls.isEmpty()) {
      b.append("  none sampled (agent option sample=, event refshadow.Lifetime)\n");
      return;
    }
    long byRc =
        ls.stream().filter(l -> EventNames.FREED_BY_REFCOUNT_VALUE.equals(l.freedBy())).count();
    long byGc =
        ls.stream().filter(l -> EventNames.FREED_BY_CYCLES_VALUE.equals(l.freedBy())).count();
    long reclaimed = ls.stream().filter(RecordingData.Lifetime::reclaimed).count();
    f(
        b,
        "  freed by refcount %d, by the cycle detector %d, alive at exit %d; reclaimed by the JVM"
            + " %d%n",
        byRc,
        byGc,
        ls.size() - byRc - byGc,
        reclaimed);
    long[] python =
        ls.stream()
            .filter(RecordingData.Lifetime::freed)
            .mapToLong(RecordingData.Lifetime::pythonLifetime)
            .sorted()
            .toArray();
    long[] drag =
        ls.stream()
            .filter(l -> l.freed() && l.reclaimed())
            .mapToLong(RecordingData.Lifetime::drag)
            .sorted()
            .toArray();
    f(b, "  %-18s %s%n", "Python lifetime", spread(python));
    f(
        b,
        "  %-18s %s%n",
        "drag",
        spread(drag) + (drag.length == 0 ? "" : " (JVM reclaim - Python free)"));
    Map<String, long[]> byType = d.dragByType();
    if (!byType.isEmpty()) {
      b.append("Drag by type (objects freed by Python and reclaimed by the JVM)\n");
      f(b, "  %-44s %7s %10s %10s %10s%n", "type", "samples", "median", "p90", "max");
      byType.entrySet().stream()
          .limit(10)
          .forEach(
              en -> {
                long[] v = en.getValue();
                f(
                    b,
                    "  %-44s %7d %10s %10s %10s%n",
                    en.getKey(),
                    v.length,
                    Durations.format(Durations.quantile(v, 0.5)),
                    Durations.format(Durations.quantile(v, 0.9)),
                    Durations.format(v[v.length - 1]));
              });
    }
  }

  static String spread(long[] sorted) {
    if (sorted.length == 0) {
      return "no samples";
    }
    return "median "
        + Durations.format(Durations.quantile(sorted, 0.5))
        + ", p90 "
        + Durations.format(Durations.quantile(sorted, 0.9))
        + ", max "
        + Durations.format(sorted[sorted.length - 1])
        + " ("
        + sorted.length
        + ")";
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static long lastLive(RecordingData d) {
    return d.heap.isEmpty() ? 0 : d.heap.get(d.heap.size() - 1).liveBytes();
  }

  private static long lastHeld(RecordingData d) {
    return d.heap.isEmpty() ? 0 : d.heap.get(d.heap.size() - 1).pymallocHeldBytes();
  }

  private static void f(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args));
  }

  static long[] sorted(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c;
  }
}
