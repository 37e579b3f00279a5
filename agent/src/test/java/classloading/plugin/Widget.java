package classloading.plugin;

import java.util.ArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plugin code loaded by custom class loaders (classloading.Loaders): it makes objects the caller
 * keeps or drops. Only JDK interfaces cross the loader boundary.
 */
public class Widget implements Supplier<Object>, Function<Object, Object> {
  private int made;
  private final ArrayList<Part> history = new ArrayList<>();

  /** A new part, referenced by nothing but the caller. */
  @Override
  public Object get() {
    made++;
    return new Part("part-" + made, null);
  }

  /** A ring of {@code n} parts (a reference cycle), returned by its first part. */
  @Override
  public Object apply(Object n) {
    int count = (Integer) n;
    Part first = new Part("ring-0", null);
    Part prev = first;
    for (int i = 1; i < count; i++) {
      prev = new Part("ring-" + i, prev);
      history.add(prev);
    }
    first.next = prev;
    first.extra = new Object[] {first, history.size()};
    history.clear();
    return first;
  }

  @Override
  public String toString() {
    return "Widget made "
        + made
        + ", loaded by "
        + getClass().getClassLoader().getClass().getSimpleName()
        + ", Part by "
        + Part.class.getClassLoader().getClass().getSimpleName();
  }
}
