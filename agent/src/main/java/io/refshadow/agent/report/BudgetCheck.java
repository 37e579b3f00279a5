package io.refshadow.agent.report;

import io.refshadow.jfr.EventNames.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code refshadow check}: compares a recording with budgets for CI. Each budget is met or
 * exceeded; an exceeded one says by how much and names its worst offenders.
 */
final class BudgetCheck {
  /** The budgets; null fields are not checked. */
  record Budgets(
      Long maxUncollectable, Long maxCyclicGarbage, Long maxShadowBytes, Double minPrecision) {
    boolean none() {
      return maxUncollectable == null
          && maxCyclicGarbage == null
          && maxShadowBytes == null
          && minPrecision == null;
    }
  }

  /** The outcome: the text to print and whether every budget was met. */
  record Outcome(boolean withinBudget, String text) {}

  static final int OFFENDERS = 3;

  private BudgetCheck() {}

  /**
   * @throws RecordingReadException when a budget needs a figure the recording does not have
   */
  static Outcome check(RecordingData d, Budgets b) throws RecordingReadException {
    List<String> lines = new ArrayList<>();
    int exceeded = 0;
    int checked = 0;
    if (b.maxUncollectable() != null) {
      checked++;
      long v = d.uncollectable();
      if (v > b.maxUncollectable()) {
        exceeded++;
        lines.add(
            exceededLine(
                "uncollectable objects",
                v + " > " + b.maxUncollectable(),
                "by " + (v - b.maxUncollectable())));
        lines.add(
            "      objects with legacy finalizers went to gc.garbage; see the refshadow.Collection"
                + " events");
      } else {
        lines.add(okLine("uncollectable objects", v + " <= " + b.maxUncollectable()));
      }
    }
    if (b.maxCyclicGarbage() != null) {
      checked++;
      long v = d.collected();
      if (v > b.maxCyclicGarbage()) {
        exceeded++;
        lines.add(
            exceededLine(
                "cyclic garbage",
                v + " objects > " + b.maxCyclicGarbage(),
                "by " + (v - b.maxCyclicGarbage())));
        List<RecordingData.CycleShape> shapes = d.cyclesByObjects();
        if (shapes.isEmpty()) {
          lines.add("      worst offenders: unknown (no refshadow.Cycle events recorded)");
        } else {
          lines.add("      worst offenders:");
          for (RecordingData.CycleShape s : shapes.subList(0, Math.min(OFFENDERS, shapes.size()))) {
            lines.add(TextSummary.cycleLine("        ", s).stripTrailing());
          }
        }
      } else {
        lines.add(okLine("cyclic garbage", v + " objects <= " + b.maxCyclicGarbage()));
      }
    }
    if (b.maxShadowBytes() != null) {
      checked++;
      long v = d.peakLiveBytes();
      if (v > b.maxShadowBytes()) {
        exceeded++;
        lines.add(
            exceededLine(
                "peak shadow bytes",
                Bytes.format(v) + " > " + Bytes.format(b.maxShadowBytes()),
                "by " + Bytes.format(v - b.maxShadowBytes())));
        List<RecordingData.TypeRow> types = d.typesAtPeak();
        if (types.isEmpty()) {
          lines.add("      worst offenders: unknown (no refshadow.TypeSummary events recorded)");
        } else {
          lines.add("      worst offenders (live bytes by type at the largest summary):");
          for (RecordingData.TypeRow t : types.subList(0, Math.min(OFFENDERS, types.size()))) {
            lines.add(
                String.format(
                    Locale.ROOT,
                    "        %-44s %10s in %d objects",
                    t.type(),
                    Bytes.format(t.liveBytes()),
                    t.liveObjects()));
          }
        }
      } else {
        lines.add(
            okLine(
                "peak shadow bytes", Bytes.format(v) + " <= " + Bytes.format(b.maxShadowBytes())));
      }
    }
    if (b.minPrecision() != null) {
      checked++;
      double v = d.precision();
      if (Double.isNaN(v)) {
        throw new RecordingReadException(
            d.file
                + " has no refshadow.RunSummary event, so its precision is unknown (was the JVM"
                + " killed before the recording was written?)");
      }
      if (v < b.minPrecision()) {
        exceeded++;
        lines.add(
            exceededLine(
                "precision",
                TextSummary.percent(v) + " < " + TextSummary.percent(b.minPrecision()),
                String.format(Locale.ROOT, "by %.1f points", 100 * (b.minPrecision() - v))));
        lines.add(
            String.format(
                Locale.ROOT,
                "      worst offenders: %d objects pinned (passed to code refshadow does not"
                    + " watch), %d adopted (made by it)",
                d.runLong(Fields.PINNED, 0),
                d.runLong(Fields.ADOPTED, 0)));
      } else {
        lines.add(
            okLine(
                "precision",
                TextSummary.percent(v) + " >= " + TextSummary.percent(b.minPrecision())));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("refshadow check ")
        .append(d.file)
        .append(": ")
        .append(
            exceeded == 0
                ? "OK, " + checked + (checked == 1 ? " budget" : " budgets") + " met"
                : "FAILED, " + exceeded + " of " + checked + " budgets exceeded")
        .append('\n');
    for (String l : lines) {
      out.append(l).append('\n');
    }
    return new Outcome(exceeded == 0, out.toString());
  }

  private static String okLine(String what, String figures) {
    return String.format(Locale.ROOT, "  ok        %-22s %s", what, figures);
  }

  private static String exceededLine(String what, String figures, String by) {
    return String.format(Locale.ROOT, "  EXCEEDED  %-22s %s (%s)", what, figures, by);
  }

  /** "0.95", "95%" or "95" (read as a percentage when above 1). */
  static double parsePrecision(String text) {
    String t = text.trim();
    double v;
    try {
      v =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
              : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!t.endsWith("%") && v > 1 && v <= 100) {
      v /= 100;
    }
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          "bad precision '" + text + "': use a share such as 0.95 or a percentage such as 95%");
    }
    return v;
  }
}
