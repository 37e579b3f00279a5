package io.refshadow.heap;

import java.util.Map;

/**
 * Gives every reference field a small global id, so that instrumented code can name a field with
 * one {@code int} constant. The agent asks for ids while it transforms a class; the runtime maps an
 * id to a slot of each class's edge array through {@link ClassInfo}.
 *
 * <p>Static fields get ids from the same space; their values live in {@link ShadowHeap}'s static
 * table, which is a root set (Python's module globals).
 */
public final class FieldRegistry {
  // Hashtable, not HashMap: refshadow instruments HashMap, and the registry serves the transformer
  private static final Map<String, Integer> IDS = new java.util.Hashtable<>();
  private static String[] names = new String[256];
  private static int next;

  private FieldRegistry() {}

  /**
   * The id of field {@code name} declared by class {@code owner}.
   *
   * @param owner the declaring class, binary name with dots or internal name with slashes
   */
  public static synchronized int id(String owner, String name) {
    String key = owner.replace('/', '.') + "." + name;
    Integer id = IDS.get(key);
    if (id == null) {
      id = next++;
      IDS.put(key, id);
      if (id >= names.length) {
        names = java.util.Arrays.copyOf(names, names.length * 2);
      }
      names[id] = key;
    }
    return id;
  }

  /** {@code Owner.field} for an id, for reports. */
  public static synchronized String name(int id) {
    return id >= 0 && id < next ? names[id] : "?field" + id;
  }
}
