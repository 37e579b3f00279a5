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

  /** A reflective field and its id, as {@link #RECENT} keeps them. */
  private static final class Known {
    final java.lang.reflect.Field field;
    final int id;

    Known(java.lang.reflect.Field field, int id) {
      this.field = field;
      this.id = id;
    }
  }

  /**
   * The reflective fields whose id was asked last, at their identity hash modulo its length
   * (direct-mapped): a library that writes its beans' fields through {@code Field.set} (Jackson's
   * field properties) asks for the same few fields again and again, and {@link #id(String, String)}
   * builds a string and takes two locks each time (23% of Jackson's samples under {@code
   * mirror=1/1024} in one profile, 2% in another, 1-2% mirroring all; bench/README Session 24). A
   * field holds its class strongly: {@link #forgetRecent} empties the array with {@link
   * ClassInfo}'s own.
   */
  private static final Known[] RECENT = new Known[1 << 8];

  /** The id of the field {@code f} reflects ({@link #id(String, String)} of its class and name). */
  public static int id(java.lang.reflect.Field f) {
    int i = System.identityHashCode(f) & (RECENT.length - 1);
    Known k = RECENT[i];
    if (k != null && k.field == f) {
      return k.id;
    }
    int id = id(f.getDeclaringClass().getName(), f.getName());
    RECENT[i] = new Known(f, id);
    return id;
  }

  /** Empties {@link #RECENT}, so that it keeps no class from being unloaded. */
  static void forgetRecent() {
    java.util.Arrays.fill(RECENT, null);
  }

  /** {@code Owner.field} for an id, for reports. */
  public static synchronized String name(int id) {
    return id >= 0 && id < next ? names[id] : "?field" + id;
  }
}
