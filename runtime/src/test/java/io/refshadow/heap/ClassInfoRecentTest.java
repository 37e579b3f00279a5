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
 * The direct-mapped cache in front of {@link ClassInfo}'s {@code ClassValue}: each class gets its
 * own description whatever shares its slot, and a full collection lets go of the classes it holds,
 * so that their loaders can be unloaded.
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
    return new WeakReference<>(type);
  }
}
