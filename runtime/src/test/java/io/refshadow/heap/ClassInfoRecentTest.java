package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Gc;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct-mapped caches in front of {@link ClassInfo}'s {@code ClassValue} and of {@link
 * FieldRegistry}'s ids for reflective fields: each class gets its own description and each field
 * its own id whatever shares its slot, and a full collection lets go of the classes they hold, so
 * that their loaders can be unloaded.
 */
class ClassInfoRecentTest extends InstalledHeap {
  /** A class with no dependence but Object, loadable into a loader of its own. */
  public static class Probe {
    Object next;
  }

  @Test
  void eachOfManyClassesGetsItsOwnDescriptionThroughTheSharedSlots() {
    // array classes of 1 to 200 dimensions over 6 element types: more classes than slots, so some
    // share one, and each must still get its own description
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> base :
        List.of(Probe.class, String.class, Integer.class, Object.class, Long.class, Double.class)) {
      Class<?> c = base;
      for (int dims = 1; dims <= 200; dims++) {
        c = Array.newInstance(c, 0).getClass();
        classes.add(c);
      }
    }
    assertThat(classes).hasSizeGreaterThan(ClassInfo.RECENT_SIZE);
    for (int round = 0; round < 2; round++) {
      for (Class<?> type : classes) {
        ClassInfo info = ClassInfo.of(type);
        assertThat(info.type).isSameAs(type);
        assertThat(info.isArray).isTrue();
      }
    }
    assertThat(ClassInfo.of(Probe.class).fieldNames).containsExactly("next");
  }

  @Test
  void eachOfManyReflectiveFieldsGetsItsOwnId() {
    // more fields than the reflective fields' slots (256), so that some share one
    List<java.lang.reflect.Field> fields = new ArrayList<>();
    for (Class<?> c :
        List.of(
            Thread.class,
            String.class,
            java.util.HashMap.class,
            java.util.concurrent.ConcurrentHashMap.class,
            java.util.ArrayList.class,
            java.util.LinkedList.class,
            java.util.TreeMap.class,
            Class.class,
            ClassLoader.class,
            java.util.Formatter.class,
            java.util.Scanner.class,
            java.util.regex.Pattern.class,
            java.util.regex.Matcher.class,
            java.math.BigDecimal.class,
            java.math.BigInteger.class)) {
      fields.addAll(List.of(c.getDeclaredFields()));
    }
    for (int i = 0; fields.size() <= 256; i++) {
      fields.add(fields.get(i).getDeclaringClass().getDeclaredFields()[0]); // a copy of a field
    }
    for (int round = 0; round < 2; round++) {
      for (java.lang.reflect.Field f : fields) {
        assertThat(FieldRegistry.id(f))
            .as("%s", f)
            .isEqualTo(FieldRegistry.id(f.getDeclaringClass().getName(), f.getName()));
      }
    }
  }

  @Test
  void aFullCollectionLetsGoOfTheClassesItHolds() throws Exception {
    WeakReference<Class<?>> probe = describeInALoaderOfItsOwn();

    Gc.collect(); // generation 2
    for (int i = 0; i < 20 && probe.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }

    // (a boolean: printing the class would ask its loader for the test class it is nested in)
    assertThat(probe.get() == null).as("the class and its loader were unloaded").isTrue();
  }

  private static WeakReference<Class<?>> describeInALoaderOfItsOwn() throws Exception {
    String name = Probe.class.getName();
    byte[] bytes;
    try (InputStream in =
        Probe.class.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
      bytes = in.readAllBytes();
    }
    ClassLoader own =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String n) throws ClassNotFoundException {
            if (!n.equals(name)) {
              throw new ClassNotFoundException(n);
            }
            return defineClass(n, bytes, 0, bytes.length);
          }
        };
    Class<?> type = own.loadClass(name);
    assertThat(type).isNotSameAs(Probe.class);
    ClassInfo.of(type);
    assertThat(ClassInfo.isRecent(type)).isTrue();
    java.lang.reflect.Field next = type.getDeclaredField("next");
    assertThat(FieldRegistry.id(next)).isEqualTo(FieldRegistry.id(name, "next"));
    return new WeakReference<>(type);
  }
}
