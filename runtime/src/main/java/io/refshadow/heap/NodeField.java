package io.refshadow.heap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The field the agent adds to the classes it instruments outside the JDK (issue 8: "node found
 * through an injected field instead of a hash lookup"): {@code private transient synthetic Object
 * $refshadow$node}, holding the instance's shadow {@link Node}. The shadow heap reads and writes it
 * through the JDK's {@code Unsafe} at the offset {@link ClassInfo} finds once per class, under the
 * heap's lock; instances of classes without it (the JDK's, arrays, classes loaded before the agent)
 * are found through the identity table as before.
 *
 * <p>Being private, transient and synthetic, the field changes neither a class's default {@code
 * serialVersionUID} nor what serialization, {@code Objects}-style reflective equality or most
 * mappers (which skip transient or synthetic fields) see; and the {@code getDeclaredFields()} calls
 * of transformed code go through {@link #without}, so code that lists every declared field does not
 * see it either (code the agent does not transform does, as it sees JaCoCo's {@code $jacocoData}).
 * A value found in it is trusted only if it is a live node of the current heap whose referent is
 * this very object: {@code clone()} and field-by-field copies carry the original's node along, and
 * a heap replaced by another (tests) leaves its nodes behind.
 */
public final class NodeField {
  /** The field's name; the agent declares it with exactly this name and type {@code Object}. */
  public static final String NAME = "$refshadow$node";

  /** Its descriptor. */
  public static final String DESCRIPTOR = "Ljava/lang/Object;";

  /**
   * Unsafe's field access, bound to the Unsafe instance: {@code getReference(Object, long)}, {@code
   * putReference(Object, long, Object)}, {@code objectFieldOffset(Field)}; null when no Unsafe can
   * be used, and then every node goes through the table. Constant method handles, so the JIT
   * compiles a call through them to the plain field access.
   */
  private static final MethodHandle GET, PUT, OFFSET;

  /** Which Unsafe the handles use (for the summary and tests): "jdk.internal.misc", "sun.misc". */
  static final String SOURCE;

  static {
    MethodHandle[] handles = null;
    String source = "none";
    try {
      // The JDK's own Unsafe, which the agent exports to this module (Installer.openToRuntime)
      // before the shadow heap starts: no warning on any JDK.
      handles = bind(Class.forName("jdk.internal.misc.Unsafe"), "getUnsafe", "Reference");
      source = "jdk.internal.misc";
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Not exported (the runtime used without the agent, as in its unit tests): sun.misc.Unsafe,
      // but only where using it is silent. From JDK 24 its first use prints a deprecation
      // warning on the program's stderr (JEP 498), which the agent must not add.
      if (Runtime.version().feature() < 24) {
        try {
          handles = bind(Class.forName("sun.misc.Unsafe"), null, "Object");
          source = "sun.misc";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e2) {
          handles = null;
        }
      }
    }
    GET = handles == null ? null : handles[0];
    PUT = handles == null ? null : handles[1];
    OFFSET = handles == null ? null : handles[2];
    SOURCE = handles == null ? "none" : source;
  }

  private NodeField() {}

  /**
   * Binds an Unsafe class's three methods to its instance, and checks them on a probe object (a JDK
   * that refuses Unsafe's field access refuses it here, once).
   *
   * @param getter the static method that returns the instance, or null to read {@code theUnsafe}
   * @param kind "Reference" ({@code getReference}) or "Object" ({@code getObject})
   */
  private static MethodHandle[] bind(Class<?> unsafeClass, String getter, String kind)
      throws ReflectiveOperationException {
    Object unsafe;
    if (getter != null) {
      unsafe = unsafeClass.getMethod(getter).invoke(null);
    } else {
      Field f = unsafeClass.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      unsafe = f.get(null);
    }
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle get =
        lookup
            .findVirtual(
                unsafeClass,
                "get" + kind,
                MethodType.methodType(Object.class, Object.class, long.class))
            .bindTo(unsafe);
    MethodHandle put =
        lookup
            .findVirtual(
                unsafeClass,
                "put" + kind,
                MethodType.methodType(void.class, Object.class, long.class, Object.class))
            .bindTo(unsafe);
    MethodHandle offset =
        lookup
            .findVirtual(
                unsafeClass, "objectFieldOffset", MethodType.methodType(long.class, Field.class))
            .bindTo(unsafe);
    try {
      Probe probe = new Probe();
      long at = (long) offset.invokeExact(Probe.class.getDeclaredField("value"));
      put.invokeExact((Object) probe, at, (Object) probe);
      Object read = (Object) get.invokeExact((Object) probe, at);
      if (read != probe || probe.value != probe) {
        throw new IllegalStateException("Unsafe's field access does not work here");
      }
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    return new MethodHandle[] {get, put, offset};
  }

  /** What {@link #bind} tries Unsafe's field access on. */
  private static final class Probe {
    Object value;
  }

  /** Whether {@code f} is the injected field (which the shadow never counts as an edge). */
  static boolean is(Field f) {
    return f.isSynthetic() && f.getName().equals(NAME);
  }

  /**
   * {@code fields} without the node field, for the program's reflection ({@code
   * Hooks.declaredFields}): the same array when it is not among them, which is what {@code
   * getDeclaredFields()} returns for every class the agent did not give one.
   */
  public static Field[] without(Field[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (is(fields[i])) {
        Field[] rest = new Field[fields.length - 1];
        System.arraycopy(fields, 0, rest, 0, i);
        System.arraycopy(fields, i + 1, rest, i, fields.length - i - 1);
        return rest;
      }
    }
    return fields;
  }

  /**
   * The offset of the node field an instance of {@code type} carries (the one declared nearest to
   * it, when a class and its superclass both got one), or -1.
   */
  static long offsetIn(Class<?> type) {
    if (OFFSET == null || type.isArray() || type.isInterface() || type.isHidden()) {
      return -1;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Field f;
      try {
        f = c.getDeclaredField(NAME);
      } catch (NoSuchFieldException e) {
        continue;
      } catch (RuntimeException | LinkageError e) {
        return -1;
      }
      if (!f.isSynthetic() || Modifier.isStatic(f.getModifiers()) || f.getType() != Object.class) {
        return -1; // a field of this name the agent did not add: leave it alone
      }
      return offsetOf(f);
    }
    return -1;
  }

  /** The offset of instance field {@code f} for {@link #get}, or -1 if Unsafe cannot give one. */
  static long offsetOf(Field f) {
    if (OFFSET == null) {
      return -1;
    }
    try {
      return (long) OFFSET.invokeExact(f);
    } catch (Throwable t) {
      return -1; // a record or hidden class: Unsafe refuses their fields
    }
  }

  static Object get(Object obj, long offset) {
    try {
      return (Object) GET.invokeExact(obj, offset);
    } catch (Throwable t) {
      throw new IllegalStateException(t); // Unsafe's get throws nothing: not reached
    }
  }

  static void set(Object obj, long offset, Object value) {
    try {
      PUT.invokeExact(obj, offset, value);
    } catch (Throwable t) {
      throw new IllegalStateException(t); // Unsafe's put throws nothing: not reached
    }
  }
}
