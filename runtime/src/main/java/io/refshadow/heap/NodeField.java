package io.refshadow.heap;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The field the agent adds to the classes it instruments outside the JDK (issue 8: "node found
 * through an injected field instead of a hash lookup"): {@code private transient synthetic Object
 * $refshadow$node}, holding the instance's shadow {@link Node}. The shadow heap reads and writes it
 * through {@code Unsafe} at the offset {@link ClassInfo} finds once per class, under the heap's
 * lock; instances of classes without it (the JDK's, arrays, classes loaded before the agent) are
 * found through the identity table as before.
 *
 * <p>Being private, transient and synthetic, the field changes neither a class's default {@code
 * serialVersionUID} nor what serialization, {@code Objects}-style reflective equality or most
 * mappers (which skip transient or synthetic fields) see; code that lists every declared field does
 * see it, as it sees JaCoCo's {@code $jacocoData}. A value found in it is trusted only if it is a
 * live node of the current heap whose referent is this very object: {@code clone()} and
 * field-by-field copies carry the original's node along, and a heap replaced by another (tests)
 * leaves its nodes behind.
 */
public final class NodeField {
  /** The field's name; the agent declares it with exactly this name and type {@code Object}. */
  public static final String NAME = "$refshadow$node";

  /** Its descriptor. */
  public static final String DESCRIPTOR = "Ljava/lang/Object;";

  private static final sun.misc.Unsafe U = unsafe();

  private NodeField() {}

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
      // a JDK that refuses Unsafe's field access (JEP 471 plans it) refuses it here, once
      Probe probe = new Probe();
      long offset = u.objectFieldOffset(Probe.class.getDeclaredField("value"));
      u.putObject(probe, offset, probe);
      return u.getObject(probe, offset) == probe && probe.value == probe ? u : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null; // no usable Unsafe: every node goes through the table
    }
  }

  /** What {@link #unsafe} tries Unsafe's field access on. */
  private static final class Probe {
    Object value;
  }

  /** Whether {@code f} is the injected field (which the shadow never counts as an edge). */
  static boolean is(Field f) {
    return f.isSynthetic() && f.getName().equals(NAME);
  }

  /**
   * The offset of the node field an instance of {@code type} carries (the one declared nearest to
   * it, when a class and its superclass both got one), or -1.
   */
  static long offsetIn(Class<?> type) {
    if (U == null || type.isArray() || type.isInterface() || type.isHidden()) {
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
      try {
        return U.objectFieldOffset(f);
      } catch (RuntimeException e) {
        return -1; // a record or hidden class: Unsafe refuses their fields
      }
    }
    return -1;
  }

  static Object get(Object obj, long offset) {
    return U.getObject(obj, offset);
  }

  static void set(Object obj, long offset, Object value) {
    U.putObject(obj, offset, value);
  }
}
