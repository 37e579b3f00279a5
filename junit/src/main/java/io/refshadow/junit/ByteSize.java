package io.refshadow.junit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them ({@code "24 MB"}), in powers of 1024 as pytest-memray reads them. */
final class ByteSize {
  private ByteSize() {}

  private static final Pattern SIZE =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*");

  /**
   * Parses {@code "24 MB"}, {@code "1.5GB"}, {@code "512 KiB"}, {@code "100"} (bytes).
   *
   * @throws IllegalArgumentException naming the bad text and the accepted units
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(bad(text));
    }
    double number = Double.parseDouble(m.group(1));
    long unit;
    switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "":
      case "B":
        unit = 1;
        break;
      case "K":
      case "KB":
      case "KIB":
        unit = 1L << 10;
        break;
      case "M":
      case "MB":
      case "MIB":
        unit = 1L << 20;
        break;
      case "G":
      case "GB":
      case "GIB":
        unit = 1L << 30;
        break;
      case "T":
      case "TB":
      case "TIB":
        unit = 1L << 40;
        break;
      default:
        throw new IllegalArgumentException(bad(text));
    }
    return Math.round(number * unit);
  }

  private static String bad(String text) {
    return "refshadow: cannot read the size '"
        + text
        + "': write a number and a unit, such as \"24 MB\", \"512 KB\", \"1.5 GB\" or \"4096 B\""
        + " (units are powers of 1024)";
  }

  /** {@code 33554448} as {@code "32.0 MB"}: one decimal, the largest unit that keeps it >= 1. */
  static String format(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
