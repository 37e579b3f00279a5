package io.refshadow.bench.workload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures the harness reads from refshadow's exit summary (the text README.md shows):
 * precision, objects allocated and adopted, pinned objects and failures.
 */
public final class AgentSummary {
  private static final Pattern PRECISION = Pattern.compile("(?m)^\\s*precision\\s+([0-9.]+)%");
  private static final Pattern SEEN =
      Pattern.compile("(?m)^\\s*objects seen\\s+(\\d+) \\((\\d+) allocated, (\\d+) adopted\\)");
  private static final Pattern PINNED = Pattern.compile("(?m)^\\s*pinned \\(escaped\\)\\s+(\\d+)");
  private static final Pattern FAILURES = Pattern.compile("(?m)^\\s*internal failures\\s+(\\d+)");
  private static final Pattern FAILED = Pattern.compile("failed: (\\d+) classes, (\\d+) methods");

  /** Precision in percent, or NaN if the summary had no precision line. */
  public final double precisionPercent;

  public final long allocated;
  public final long adopted;
  public final long pinned;
  public final long internalFailures;
  public final long failedClasses;
  public final long failedMethods;

  private AgentSummary(String text) {
    precisionPercent = group(PRECISION, text, 1).map(Double::parseDouble).orElse(Double.NaN);
    allocated = longOf(SEEN, text, 2);
    adopted = longOf(SEEN, text, 3);
    pinned = longOf(PINNED, text, 1);
    internalFailures = longOf(FAILURES, text, 1);
    failedClasses = longOf(FAILED, text, 1);
    failedMethods = longOf(FAILED, text, 2);
  }

  /** Reads a summary's text; figures it does not contain are -1 (precision NaN). */
  public static AgentSummary parse(String text) {
    return new AgentSummary(text);
  }

  public boolean hasPrecision() {
    return !Double.isNaN(precisionPercent);
  }

  private static java.util.Optional<String> group(Pattern p, String text, int g) {
    Matcher m = p.matcher(text);
    return m.find() ? java.util.Optional.of(m.group(g)) : java.util.Optional.empty();
  }

  private static long longOf(Pattern p, String text, int g) {
    return group(p, text, g).map(Long::parseLong).orElse(-1L);
  }
}
