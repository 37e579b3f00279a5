package unwatched;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Code refshadow does not watch (the tests exclude this package), standing for the JDK's own: it
 * fills collections refshadow does watch, whose storage links back (a {@code TreeMap}'s parent
 * links, a {@code LinkedHashMap}'s list), keeps them for a while and drops them, as {@code
 * java.lang.invoke}'s soft caches do when the JVM clears them.
 */
public final class Library {
  private Library() {}

  /** What the library keeps in its maps: objects of its own. */
  public static final class Item {
    final int value;

    Item(int value) {
      this.value = value;
    }
  }

  /** Builds two maps of the library's own, drops them, and says when the JVM has reclaimed them. */
  public static WeakReference<?>[] buildAndDropCaches() {
    Map<String, Item> tree = new TreeMap<>();
    Map<String, Item> linked = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      tree.put("k" + i, new Item(i));
      linked.put("k" + i, new Item(i));
    }
    return new WeakReference<?>[] {new WeakReference<>(tree), new WeakReference<>(linked)};
  }
}
