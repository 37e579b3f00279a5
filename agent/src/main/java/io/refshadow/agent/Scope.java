package io.refshadow.agent;

import java.util.List;

/**
 * The one place that decides what refshadow instruments (OpenTelemetry's habit): application
 * classes by default, never the JDK or refshadow itself; and which called code counts as opaque, so
 * that references passed to it pin their objects.
 */
final class Scope {
  /** Never instrumented: the JDK, refshadow itself and its relocated libraries. */
  private static final List<String> ALWAYS_EXCLUDED =
      List.of(
          "java/",
          "javax/",
          "jdk/",
          "sun/",
          "com/sun/",
          "io/refshadow/agent/",
          "io/refshadow/heap/",
          "io/refshadow/internal/",
          "io/refshadow/junit/",
          "io/refshadow/jfr/");

  /** JDK code known not to keep references it is given: passing to it does not pin. */
  private static final List<String> NON_RETAINING =
      List.of(
          "java/lang/String",
          "java/lang/StringBuilder",
          "java/lang/StringBuffer",
          "java/lang/AbstractStringBuilder",
          "java/io/PrintStream",
          "java/io/PrintWriter",
          "java/lang/Object",
          "java/util/Objects",
          "java/lang/Math",
          "java/lang/StrictMath",
          "java/lang/Integer",
          "java/lang/Long",
          "java/lang/Short",
          "java/lang/Byte",
          "java/lang/Character",
          "java/lang/Boolean",
          "java/lang/Double",
          "java/lang/Float",
          "java/lang/Class",
          "java/lang/Enum",
          "java/lang/System",
          "java/lang/invoke/StringConcatFactory",
          "java/lang/reflect/Field", // Field.set is mirrored as a store
          "java/lang/invoke/VarHandle", // reference writes are mirrored (MethodInstrumenter)
          "io/refshadow/");

  /**
   * The JDK's core collections, instrumented by retransformation so that an object put in a list or
   * map stays alive in the shadow as in a Python list or dict (prefixes also cover their inner
   * classes: nodes, entries, iterators).
   */
  private static final List<String> JDK_COLLECTIONS =
      List.of(
          "java/util/ArrayList",
          "java/util/LinkedList",
          "java/util/ArrayDeque",
          "java/util/HashMap",
          "java/util/LinkedHashMap",
          "java/util/HashSet",
          "java/util/LinkedHashSet",
          "java/util/TreeMap",
          "java/util/TreeSet",
          "java/util/Vector",
          "java/util/Stack",
          "java/util/Arrays$ArrayList",
          "java/util/ImmutableCollections",
          // stores through Unsafe (its table) and VarHandles, mirrored by re-reading the slot
          "java/util/concurrent/ConcurrentHashMap",
          "java/util/concurrent/atomic/AtomicReference",
          "java/util/concurrent/atomic/AtomicReferenceArray",
          "java/util/concurrent/atomic/AtomicReferenceFieldUpdater");

  private final List<String> includes;
  private final boolean collections;
  private final List<String> excludes;

  /**
   * @param includes internal-name prefixes to instrument (empty: every non-excluded class)
   * @param excludes internal-name prefixes never to instrument
   */
  Scope(List<String> includes, List<String> excludes, boolean collections) {
    this.includes = includes;
    this.excludes = excludes;
    this.collections = collections;
  }

  /** Whether JDK class {@code internalName} (bootstrap-loaded) is instrumented. */
  boolean instrumentsJdk(String internalName) {
    if (!collections || internalName == null) {
      return false;
    }
    for (String p : JDK_COLLECTIONS) {
      if (internalName.equals(p) || internalName.startsWith(p + "$")) {
        return true;
      }
    }
    return false;
  }

  /** Whether class {@code internalName} (with slashes) is instrumented. */
  boolean instruments(String internalName) {
    if (internalName == null || internalName.startsWith("[")) {
      return false;
    }
    if (isRefshadowOwn(internalName)) {
      return false;
    }
    for (String p : ALWAYS_EXCLUDED) {
      if (internalName.startsWith(p)) {
        return false;
      }
    }
    for (String p : excludes) {
      if (internalName.startsWith(p)) {
        return false;
      }
    }
    if (internalName.contains("$$Lambda") || internalName.contains("/0x")) {
      return false; // hidden classes never reach a transformer; their creators are mirrored
    }
    if (includes.isEmpty()) {
      return true;
    }
    for (String p : includes) {
      if (internalName.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** refshadow's API classes ({@code io.refshadow.Gc} etc.) are refshadow's own code. */
  private static boolean isRefshadowOwn(String internalName) {
    return internalName.startsWith("io/refshadow/") && internalName.indexOf('/', 13) < 0;
  }

  /** java.util types whose calls reach an instrumented collection or not, by receiver. */
  private static final List<String> COLLECTION_TYPES =
      List.of(
          "java/util/Collection",
          "java/util/List",
          "java/util/Set",
          "java/util/Map",
          "java/util/Queue",
          "java/util/Deque",
          "java/util/SortedMap",
          "java/util/NavigableMap",
          "java/util/SortedSet",
          "java/util/NavigableSet",
          "java/util/SequencedCollection",
          "java/util/SequencedMap",
          "java/util/AbstractCollection",
          "java/util/AbstractList",
          "java/util/AbstractSequentialList",
          "java/util/AbstractMap",
          "java/util/AbstractSet",
          "java/util/AbstractQueue",
          "java/util/ListIterator",
          "java/util/Map$Entry",
          "java/util/concurrent/ConcurrentMap");

  /**
   * Fields of the JDK's collections whose stores are not mirrored, so that a collection's storage
   * holds its items as a Python {@code list} or {@code dict} does, a tree from the collection down,
   * and a dropped collection frees what it held at once, by refcount. Back links: a {@code
   * TreeMap}'s parent links, a {@code LinkedList}'s and a {@code LinkedHashMap}'s links to the
   * previous node, a tree bin's parent and previous links; each such node is also reached forward,
   * from the collection, while it is in it. Cached views: a map keeps the {@code keySet()}, {@code
   * values()} or {@code entrySet()} it returned, which refers back to the map; in Python a view
   * holds its dict, and the dict holds no view. Mirrored, each made a dropped collection a
   * reference cycle (its items lived on until the cycle detector ran, and {@code gc.collect()}
   * counted them).
   */
  private static final java.util.Set<String> UNCOUNTED_LINKS =
      java.util.Set.of(
          "java/util/TreeMap$Entry.parent",
          "java/util/LinkedList$Node.prev",
          "java/util/LinkedHashMap$Entry.before",
          "java/util/HashMap$TreeNode.before",
          "java/util/HashMap$TreeNode.parent",
          "java/util/HashMap$TreeNode.prev",
          "java/util/concurrent/ConcurrentHashMap$TreeNode.parent",
          "java/util/concurrent/ConcurrentHashMap$TreeNode.prev",
          "java/util/AbstractMap.keySet",
          "java/util/AbstractMap.values",
          "java/util/HashMap.keySet",
          "java/util/HashMap.values",
          "java/util/HashMap.entrySet",
          "java/util/LinkedHashMap.keySet",
          "java/util/LinkedHashMap.values",
          "java/util/LinkedHashMap.entrySet",
          "java/util/TreeMap.keySet",
          "java/util/TreeMap.values",
          "java/util/TreeMap.entrySet",
          "java/util/TreeMap.navigableKeySet",
          "java/util/TreeMap.descendingMap",
          "java/util/TreeMap$NavigableSubMap.entrySetView",
          "java/util/TreeMap$NavigableSubMap.navigableKeySetView",
          "java/util/TreeMap$NavigableSubMap.descendingMapView",
          "java/util/TreeMap$AscendingSubMap.entrySetView",
          "java/util/TreeMap$AscendingSubMap.navigableKeySetView",
          "java/util/TreeMap$AscendingSubMap.descendingMapView",
          "java/util/TreeMap$DescendingSubMap.entrySetView",
          "java/util/TreeMap$DescendingSubMap.navigableKeySetView",
          "java/util/TreeMap$DescendingSubMap.descendingMapView",
          "java/util/concurrent/ConcurrentHashMap.keySet",
          "java/util/concurrent/ConcurrentHashMap.values",
          "java/util/concurrent/ConcurrentHashMap.entrySet");

  /**
   * Whether a store to field {@code owner.name} (as the instruction names it) in a JDK collection's
   * code is left out of the shadow ({@link #UNCOUNTED_LINKS}).
   */
  static boolean isUncountedLink(String owner, String name) {
    return UNCOUNTED_LINKS.contains(owner + "." + name);
  }

  /** Whether a call on {@code owner} escapes only when the receiver's class is not instrumented. */
  boolean dependsOnReceiver(String owner) {
    return collections && COLLECTION_TYPES.contains(owner);
  }

  /** Whether a runtime class is one this scope instruments. */
  boolean instruments(Class<?> type) {
    String internal = type.getName().replace('.', '/');
    return type.getClassLoader() == null ? instrumentsJdk(internal) : instruments(internal);
  }

  /** Whether a call to {@code owner.name} leaves the instrumented scope for retaining code. */
  boolean isOpaqueCallTarget(String owner, String name) {
    if (owner.startsWith("[")) {
      return false; // array methods: clone, handled
    }
    if (instruments(owner) || instrumentsJdk(owner)) {
      return false;
    }
    for (String p : NON_RETAINING) {
      if (owner.equals(p) || (p.endsWith("/") && owner.startsWith(p))) {
        return false;
      }
    }
    return !name.equals("<init>") || !owner.startsWith("java/lang/");
  }
}
