package io.refshadow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.refshadow.Gc;
import io.refshadow.Memory;
import io.refshadow.Sys;
import io.refshadow.Weakref;
import io.refshadow.heap.ShadowHeap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md: "With no agent attached, every call fails with a clear IllegalStateException naming
 * the -javaagent flag." Every public static method of {@link Gc}, {@link Sys}, {@link Weakref} and
 * {@link Memory} is found by reflection (so a method added later is covered too) and called with
 * ordinary arguments, and again with null for each reference argument.
 */
class NoAgentTest {
  private ShadowHeap before;

  @BeforeEach
  void uninstall() {
    before = ShadowHeap.active;
    ShadowHeap.install(null);
  }

  @AfterEach
  void restore() {
    ShadowHeap.install(before);
  }

  @TestFactory
  Stream<DynamicTest> everyPublicApiCallFailsNamingTheJavaagentFlag() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> api : List.of(Gc.class, Sys.class, Weakref.class, Memory.class)) {
      Method[] methods = api.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::toString));
      for (Method m : methods) {
        if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        String name = api.getSimpleName() + "." + m.getName() + signature(m);
        tests.add(dynamicTest(name, () -> assertFailsWithoutAgent(m, ordinaryArguments(m))));
        if (Arrays.stream(m.getParameterTypes()).anyMatch(t -> !t.isPrimitive())) {
          tests.add(dynamicTest(name + " with nulls", () -> assertFailsWithoutAgent(m, nulls(m))));
        }
      }
    }
    assertThat(tests).as("API methods found").hasSizeGreaterThan(30);
    return tests.stream();
  }

  private static void assertFailsWithoutAgent(Method m, Object[] args) throws Exception {
    try {
      m.invoke(null, args);
    } catch (InvocationTargetException e) {
      assertThat(e.getCause())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("-javaagent");
      return;
    }
    fail(m + " returned without an installed shadow heap, instead of failing");
  }

  private static Object[] ordinaryArguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == int.class) {
        args[i] = 0; // a valid generation, threshold or debug flag
      } else if (t == int[].class) {
        args[i] = new int[0];
      } else if (t == Object[].class) {
        args[i] = new Object[] {new Object()};
      } else if (t == Consumer.class) {
        Consumer<Object> callback = r -> {};
        args[i] = callback;
      } else if (t == Object.class) {
        args[i] = new Object();
      } else {
        throw new AssertionError("no ordinary argument for " + t + " in " + m);
      }
    }
    return args;
  }

  private static Object[] nulls(Method m) {
    Object[] args = ordinaryArguments(m);
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (!types[i].isPrimitive()) {
        args[i] = null;
      }
    }
    return args;
  }

  private static String signature(Method m) {
    StringBuilder b = new StringBuilder("(");
    for (Class<?> t : m.getParameterTypes()) {
      b.append(b.length() > 1 ? ", " : "").append(t.getSimpleName());
    }
    return b.append(")").toString();
  }
}
