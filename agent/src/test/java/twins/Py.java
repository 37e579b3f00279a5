package twins;

import java.util.List;

/** Python-style formatting for the twins' output, so it can be compared with CPython's. */
final class Py {
  private Py() {}

  /** {@code str(bool)}: True / False. */
  static String b(boolean value) {
    return value ? "True" : "False";
  }

  /** {@code repr(list_of_str)}: {@code ['a', 'b']}. */
  static String repr(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(items.get(i)).append('\'');
    }
    return sb.append(']').toString();
  }
}
