package io.refshadow.agent;

/** A small class the agent instruments once at start-up, to load its own code paths. */
final class WarmUp {
  private Object field;
  private static Object global;

  Object exercise(Object[] items, Object value) {
    Object local = new StringBuilder().append(value).toString();
    items[0] = local;
    field = items.clone();
    global = java.util.Arrays.copyOf(items, 2);
    Runnable r = () -> field = local;
    r.run();
    try {
      return field;
    } finally {
      field = null;
    }
  }

  static Object global() {
    return global;
  }
}
