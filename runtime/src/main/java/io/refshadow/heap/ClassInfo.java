package io.refshadow.heap;

import io.refshadow.Del;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shadow heap needs to know about a class: its reference fields in CPython's traversal
 * order, whether its instances are tracked by the cycle detector, and its {@code @Del} method.
 *
 * <p>Field order follows {@code subtype_traverse} and {@code clear_slots}: the class's own fields
 * first, then its superclass's, up the chain; within a class, declaration order.
 */
final class ClassInfo {
  private static final ClassValue<ClassInfo> CACHE =
      new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
          // Reflection runs JDK code that refshadow may instrument (collections): not mirrored,
          // and never re-entering this computation for the same class.
          ShadowHeap h = ShadowHeap.active;
          if (h == null) {
            return new ClassInfo(type);
          }
          h.suppressThread();
          try {
            return new ClassInfo(type);
          } finally {
            h.resumeThread();
          }
        }
      };

  final Class<?> type;
  final String name;
  final boolean isArray;

  /** Field ids of the instance reference fields, in traversal order; empty for arrays. */
  final int[] fieldIds;

  /** Names of those fields, parallel to {@link #fieldIds}. */
  final String[] fieldNames;

  /**
   * Tracked by the cycle detector: instances with at least one reference field, and reference
   * arrays. Others are "atoms" like CPython's int and str: refcounted, never in a generation.
   */
  final boolean tracked;

  /** The {@code @Del} method, or null. */
  final Method del;

  /**
   * {@link #del} as a handle of type {@code (Object)void}, made once with the thread's hooks
   * suppressed; null when there is no {@code @Del} method or no handle could be made ({@link
   * #runDel} then calls it reflectively). Calling it makes no JDK objects: on JDK 18 and later,
   * {@code Method.invoke} builds its accessor from method handles, and whenever a JVM collection
   * had cleared the JDK's soft caches, the rebuilt conversions left small cyclic structures (a
   * {@code HashMap} with its entry-set view) in the shadow, which the next {@code Gc.collect()}
   * counted as the program's garbage (the JDK 25 twin of j01 printed 6 to 14 where CPython prints
   * 2).
   */
  private final MethodHandle delHandle;

  /** The type every {@link #delHandle} has: the one call site in {@link #invokeDel} links once. */
  private static final MethodType DEL_TYPE = MethodType.methodType(void.class, Object.class);

  /** Instances of this type are immortal when first seen unregistered (see ShadowHeap#adopt). */
  final boolean immortalWhenAdopted;

  /** Offset of the node field the agent injected ({@link NodeField}), or -1: use the table. */
  final long nodeOffset;

  /**
   * The view classes a JDK map caches in a field the shadow does not mirror (the agent's {@code
   * Scope.UNCOUNTED_LINKS}): a {@code keySet()}, {@code values()}, {@code entrySet()} or navigable
   * view, which refers to its map. Its node dies when the program drops the view, while the map
   * keeps the object and hands it out again; met again, it is a view of the map once more.
   */
  private static final java.util.Set<String> CACHED_VIEWS =
      java.util.Set.of(
          "java.util.AbstractMap$1",
          "java.util.AbstractMap$2",
          "java.util.HashMap$KeySet",
          "java.util.HashMap$Values",
          "java.util.HashMap$EntrySet",
          "java.util.LinkedHashMap$LinkedKeySet",
          "java.util.LinkedHashMap$LinkedValues",
          "java.util.LinkedHashMap$LinkedEntrySet",
          "java.util.TreeMap$KeySet",
          "java.util.TreeMap$Values",
          "java.util.TreeMap$EntrySet",
          "java.util.TreeMap$AscendingSubMap",
          "java.util.TreeMap$DescendingSubMap",
          "java.util.TreeMap$AscendingSubMap$AscendingEntrySetView",
          "java.util.TreeMap$DescendingSubMap$DescendingEntrySetView",
          "java.util.concurrent.ConcurrentHashMap$KeySetView",
          "java.util.concurrent.ConcurrentHashMap$ValuesView",
          "java.util.concurrent.ConcurrentHashMap$EntrySetView");

  /**
   * For a {@link #CACHED_VIEWS} class, the Unsafe offset of each reference field in slot order (-1
   * where none could be had), read when such a view is met again ({@code ShadowHeap#adopt}); null
   * for every other class.
   */
  final long[] viewOffsets;

  /**
   * The JDK's value classes that stand for CPython's atomic objects: {@code String} for str, {@code
   * BigInteger} for int, {@code BigDecimal} for {@code decimal.Decimal}. Their reference fields
   * hold their own contents (a string's bytes, a number's digits and cached text), never the
   * program's objects, so they get no edges and, like str, int and Decimal ({@code gc.is_tracked}
   * is false), are never tracked by the cycle detector nor counted toward generation 0's threshold.
   * Counted, the strings a parser makes set off collections CPython would not run (the Jackson
   * workload ran 3,289 generation-0 collections where it now runs 1,958; bench/README Session 14).
   */
  private static final java.util.Set<Class<?>> ATOMIC =
      java.util.Set.of(String.class, java.math.BigInteger.class, java.math.BigDecimal.class);

  /**
   * The descriptions found last, at their class's identity hash modulo its length (direct-mapped),
   * in front of {@link #CACHE}: each hook describes one to three values' classes, and a {@code
   * ClassValue} probe is about eight dependent loads, a weak reference's read among them; here it
   * is the class's header, one slot and the description's class. In JFR profiles of Jackson 4,000
   * (Session 24) the lookups took 17% of the samples when almost nothing was mirrored ({@code
   * mirror=1/1024}) and 7% when all was; 7% and 5% with this array. A description holds its class
   * strongly, so the array could keep up to {@link #RECENT_SIZE} classes, and their loaders, from
   * being unloaded: every collection of generation 2, and a release of the whole shadow, empties it
   * ({@link #forgetRecent}). Races are benign: a slot holds one reference, and a description is
   * immutable.
   */
  private static final ClassInfo[] RECENT = new ClassInfo[ClassInfo.RECENT_SIZE];

  static final int RECENT_SIZE = 1 << 10;

  static ClassInfo of(Class<?> type) {
    int i = System.identityHashCode(type) & (RECENT_SIZE - 1);
    ClassInfo c = RECENT[i];
    if (c != null && c.type == type) {
      return c;
    }
    c = CACHE.get(type);
    RECENT[i] = c;
    return c;
  }

  /**
   * Empties {@link #RECENT}, and {@link FieldRegistry}'s reflective fields, so that they keep no
   * class from being unloaded.
   */
  static void forgetRecent() {
    java.util.Arrays.fill(RECENT, null);
    FieldRegistry.forgetRecent(); // reflective fields hold their classes too
  }

  /** For tests: whether {@link #RECENT} holds the description of {@code type}. */
  static boolean isRecent(Class<?> type) {
    ClassInfo c = RECENT[System.identityHashCode(type) & (RECENT_SIZE - 1)];
    return c != null && c.type == type;
  }

  private ClassInfo(Class<?> type) {
    this.type = type;
    this.name = displayName(type);
    this.isArray = type.isArray();
    List<Integer> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean view = type.getClassLoader() == null && CACHED_VIEWS.contains(type.getName());
    List<Field> viewFields = view ? new ArrayList<>() : null;
    Method found = null;
    boolean atomic = ATOMIC.contains(type);
    if (!isArray) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        Field[] declared;
        try {
          declared = c.getDeclaredFields();
        } catch (Throwable t) {
          declared = new Field[0];
        }
        for (Field f : declared) {
          if (!atomic && isReferenceField(f)) {
            ids.add(FieldRegistry.id(c.getName(), f.getName()));
            names.add(f.getName());
            if (view) {
              viewFields.add(f);
            }
          }
        }
        if (found == null) {
          found = findDel(c);
        }
      }
    }
    this.fieldIds = ids.stream().mapToInt(Integer::intValue).toArray();
    this.fieldNames = names.toArray(new String[0]);
    this.slotTable = slotTable(fieldIds);
    this.tracked = isArray ? !type.getComponentType().isPrimitive() : fieldIds.length > 0;
    this.del = found;
    this.delHandle = found == null ? null : handleOf(found);
    this.immortalWhenAdopted =
        type == String.class
            || type == Class.class
            || Enum.class.isAssignableFrom(type)
            || (type.isSynthetic() && fieldIds.length == 0);
    this.nodeOffset = NodeField.offsetIn(type);
    this.viewOffsets = view ? viewFields.stream().mapToLong(NodeField::offsetOf).toArray() : null;
  }

  /** An instance reference field the program declared (a shadow edge). */
  private static boolean isReferenceField(Field f) {
    return !Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && !NodeField.is(f);
  }

  /**
   * {@code m} as a {@code (Object)void} handle, or null if it cannot be made (the method's module
   * is not open to refshadow). The first handle made also links {@link #invokeDel}'s call site,
   * here, where the thread's hooks are suppressed, rather than inside the first finalizer.
   */
  private static MethodHandle handleOf(Method m) {
    try {
      MethodHandle h = MethodHandles.lookup().unreflect(m).asType(DEL_TYPE);
      invokeDel(MethodHandles.empty(DEL_TYPE), null);
      return h;
    } catch (Throwable t) {
      return null;
    }
  }

  private static void invokeDel(MethodHandle h, Object obj) throws Throwable {
    h.invokeExact(obj);
  }

  /**
   * Calls the {@code @Del} method on {@code obj}; what it throws is rethrown wrapped in a {@code
   * RuntimeException}, as the heap reports it unraisable.
   */
  void runDel(Object obj) {
    MethodHandle h = delHandle;
    try {
      if (h != null) {
        invokeDel(h, obj);
      } else {
        del.invoke(obj);
      }
    } catch (InvocationTargetException e) {
      throw new RuntimeException(e.getCause());
    } catch (Throwable t) {
      throw new RuntimeException(t);
    }
  }

  private static Method findDel(Class<?> c) {
    Method[] methods;
    try {
      methods = c.getDeclaredMethods();
    } catch (Throwable t) {
      return null;
    }
    for (Method m : methods) {
      if (m.isAnnotationPresent(Del.class)
          && m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())) {
        try {
          m.setAccessible(true);
        } catch (RuntimeException e) {
          // still callable if public; otherwise the call fails and is reported as unraisable
        }
        return m;
      }
    }
    return null;
  }

  /** A field value that could not be read (the field's module is not open to refshadow). */
  static final Object UNREADABLE = new Object();

  /** Reflected reference fields, parallel to fieldIds (null where inaccessible); filled lazily. */
  private volatile Field[] reflected;

  private Field[] reflected() {
    Field[] fs = reflected;
    if (fs == null) {
      List<Field> list = new ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (isReferenceField(f)) {
            try {
              f.setAccessible(true);
              list.add(f);
            } catch (RuntimeException e) {
              list.add(null); // left inaccessible: its value reads as UNREADABLE
            }
          }
        }
      }
      fs = list.toArray(new Field[0]);
      reflected = fs;
    }
    return fs;
  }

  /**
   * The values of this object's reference fields, in slot order, {@link #UNREADABLE} where a field
   * cannot be read.
   */
  Object[] currentValues(Object obj) {
    Field[] fs = reflected();
    Object[] out = new Object[fs.length];
    for (int i = 0; i < fs.length; i++) {
      try {
        out[i] = fs[i] == null ? UNREADABLE : fs[i].get(obj);
      } catch (ReflectiveOperationException | RuntimeException e) {
        out[i] = UNREADABLE;
      }
    }
    return out;
  }

  /**
   * The values of this object's reference fields, in slot order (null where unreadable): used once
   * per lambda object at its creation, where the captured values are known only to the object
   * itself.
   */
  Object[] capturedValues(Object obj) {
    Object[] out = currentValues(obj);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == UNREADABLE) {
        out[i] = null;
      }
    }
    return out;
  }

  /** The slot of field {@code fieldId} in this class's edge array, or -1. */
  int slotOf(int fieldId) {
    int[] table = slotTable;
    if (table != null) {
      int mask = table.length - 2;
      for (int i = (fieldId * 0x9E3779B9 >>> 16) & mask; table[i] != 0; i = (i + 2) & mask) {
        if (table[i] == fieldId + 1) {
          return table[i + 1];
        }
      }
      return slotByName(fieldId);
    }
    int[] ids = fieldIds;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == fieldId) {
        return i;
      }
    }
    return slotByName(fieldId);
  }

  /**
   * For a class with many reference fields, {@link #slotOf}'s map from field id to slot: open
   * addressing, pairs of (id + 1, slot), 0 for an empty pair, at most half full; null for a class
   * with few fields, where a scan of {@link #fieldIds} is as fast.
   */
  private final int[] slotTable;

  private static int[] slotTable(int[] ids) {
    if (ids.length <= 8) {
      return null;
    }
    int pairs = Integer.highestOneBit(ids.length * 2 - 1) << 1;
    int[] table = new int[pairs * 2];
    int mask = table.length - 2;
    for (int slot = 0; slot < ids.length; slot++) {
      int i = (ids[slot] * 0x9E3779B9 >>> 16) & mask;
      while (table[i] != 0) {
        i = (i + 2) & mask;
      }
      table[i] = ids[slot] + 1;
      table[i + 1] = slot;
    }
    return table;
  }

  /**
   * javac names a field by the static type it is accessed through ({@code sub.inheritedField}
   * compiles to {@code putfield Sub.inheritedField}), not by its declaring class: such an id is
   * matched by field name, nearest declaration first, and remembered.
   */
  private int slotByName(int fieldId) {
    int[][] known = aliases;
    for (int[] a : known) {
      if (a[0] == fieldId) {
        return a[1];
      }
    }
    String qualified = FieldRegistry.name(fieldId);
    String name = qualified.substring(qualified.lastIndexOf('.') + 1);
    int slot = -1;
    for (int i = 0; i < fieldNames.length; i++) {
      if (fieldNames[i].equals(name)) {
        slot = i;
        break;
      }
    }
    int[][] grown = java.util.Arrays.copyOf(known, known.length + 1);
    grown[known.length] = new int[] {fieldId, slot};
    aliases = grown;
    return slot;
  }

  /** Field ids met under another owner's name, with their slots (copy-on-write). */
  private volatile int[][] aliases = new int[0][];

  static String displayName(Class<?> type) {
    if (type.isArray()) {
      return displayName(type.getComponentType()) + "[]";
    }
    String n = type.getName();
    int slash = n.indexOf('/'); // hidden classes: Foo$$Lambda/0x...
    return slash >= 0 ? n.substring(0, slash) : n;
  }
}
