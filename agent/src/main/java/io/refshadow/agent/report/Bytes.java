package io.refshadow.agent.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as a user writes and reads them. "24 MB", "24MiB", "512k", "1g" or a plain number of bytes;
 * as with pytest-memray, KB/MB/GB count in powers of 1024, the same as KiB/MiB/GiB.
 */
final class Bytes {
  private Bytes() {}

  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*");

  /**
   * Parses a size.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad size '" + text + "': use a number of bytes or e.g. 512KB, 24 MB, 1.5GiB");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int power;
    switch (unit.charAt(0)) {
      case 'k':
        power = 1;
        break;
      case 'm':
        power = 2;
        break;
      case 'g':
        power = 3;
        break;
      case 't':
        power = 4;
        break;
      default:
        power = 0;
    }
    return Math.round(value * Math.pow(1024, power));
  }

  /** "3.1 KiB", "12.0 MiB", "512 B". */
  static String format(long bytes) {
    long abs = Math.abs(bytes);
    if (abs < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
