package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassInfo#viewOffsets} must know the class of every view a JDK map caches in a field the
 * agent leaves unmirrored ({@code Scope.UNCOUNTED_LINKS}): a class missing from the list (a typo,
 * or a JDK that renamed it) would make a view handed out again lose its map, silently. The views
 * are asked of real maps, so the test names the classes this JDK actually uses.
 */
class CachedViewsTest {
  /** A map that implements only entrySet(): AbstractMap's own keySet() and values() views. */
  static final class OnlyEntries extends AbstractMap<String, String> {
    @Override
    public Set<Entry<String, String>> entrySet() {
      return Map.of("a", "b").entrySet();
    }
  }

  private static <K, V> Map<K, V> filled(Map<K, V> m, K k, V v) {
    m.put(k, v);
    return m;
  }

  @Test
  void everyCachedViewClassIsKnownWithAnOffsetForEachReferenceField() {
    HashMap<String, String> hash = (HashMap<String, String>) filled(new HashMap<>(), "a", "b");
    LinkedHashMap<String, String> linked =
        (LinkedHashMap<String, String>) filled(new LinkedHashMap<>(), "a", "b");
    TreeMap<String, String> tree = (TreeMap<String, String>) filled(new TreeMap<>(), "a", "b");
    NavigableMap<String, String> sub = tree.subMap("a", true, "z", true);
    NavigableMap<String, String> descending = tree.descendingMap();
    ConcurrentHashMap<String, String> concurrent = new ConcurrentHashMap<>(Map.of("a", "b"));
    OnlyEntries abstractMap = new OnlyEntries();
    List<Object> views =
        List.of(
            hash.keySet(),
            hash.values(),
            hash.entrySet(),
            linked.keySet(),
            linked.values(),
            linked.entrySet(),
            tree.keySet(),
            tree.values(),
            tree.entrySet(),
            tree.navigableKeySet(),
            descending,
            descending.entrySet(),
            descending.navigableKeySet(),
            descending.descendingMap(),
            sub.entrySet(),
            sub.navigableKeySet(),
            sub.descendingMap(),
            concurrent.keySet(),
            concurrent.values(),
            concurrent.entrySet(),
            abstractMap.keySet(),
            abstractMap.values());
    for (Object view : views) {
      ClassInfo info = ClassInfo.of(view.getClass());
      assertThat(info.viewOffsets)
          .as(
              "%s is a cached view: it must be in ClassInfo.CACHED_VIEWS",
              view.getClass().getName())
          .isNotNull()
          .hasSize(info.fieldIds.length);
      if (!NodeField.SOURCE.equals("none")) {
        // without the agent on JDK 24+, no Unsafe is used at all (NodeField): no offsets
        assertThat(info.viewOffsets)
            .as("offsets of %s", view.getClass().getName())
            .doesNotContain(-1L);
      }
    }
  }

  @Test
  void aMapOrListThatIsNoCachedViewHasNoViewOffsets() {
    assertThat(ClassInfo.of(HashMap.class).viewOffsets).isNull();
    assertThat(ClassInfo.of(java.util.ArrayList.class).viewOffsets).isNull();
    assertThat(ClassInfo.of(ConcurrentHashMap.class).viewOffsets).isNull();
  }
}
