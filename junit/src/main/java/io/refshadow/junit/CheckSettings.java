package io.refshadow.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The checks that apply to one test: the configuration parameters ({@link ConfigKeys}) first, then
 * annotations on the outermost enclosing class down to the test class, then on the method; each
 * level that names a check replaces what came before for that check. Immutable.
 */
final class CheckSettings {
  /** Test tooling whose own allocations are never the test's (see {@link Attribution}). */
  static final List<String> TOOLING_PACKAGES =
      List.of(
          "org.junit.",
          "junit.",
          "org.opentest4j.",
          "org.apiguardian.",
          "org.assertj.",
          "org.hamcrest.",
          "org.apache.maven.surefire.",
          "org.apache.maven.plugin.surefire.",
          "org.gradle.",
          "worker.org.gradle.",
          "com.intellij.",
          "org.eclipse.jdt.internal.junit",
          "net.bytebuddy.");

  final boolean noReferenceCycles;

  /** The memory limit in bytes, or -1 for none. */
  final long memoryLimit;

  /** The limit as written, for messages. */
  final String memoryLimitText;

  /** The tolerated number of leaked objects, or -1 when leaks are not checked. */
  final int maxLeaks;

  /** Type names (binary names, arrays as {@code byte[]}) that leaks are counted for; empty: all. */
  final List<String> leakTypes;

  /** Package prefixes whose allocations are not the test's own. */
  final List<String> toolingPackages;

  private CheckSettings(
      boolean noReferenceCycles,
      long memoryLimit,
      String memoryLimitText,
      int maxLeaks,
      List<String> leakTypes,
      List<String> toolingPackages) {
    this.noReferenceCycles = noReferenceCycles;
    this.memoryLimit = memoryLimit;
    this.memoryLimitText = memoryLimitText;
    this.maxLeaks = maxLeaks;
    this.leakTypes = leakTypes;
    this.toolingPackages = toolingPackages;
  }

  /** Whether any check applies (else the extension does nothing for the test). */
  boolean any() {
    return noReferenceCycles || memoryLimit >= 0 || maxLeaks >= 0;
  }

  /** Whether the run must end with a full collection: cycles are found, leaks are not garbage. */
  boolean needsFinalCollection() {
    return noReferenceCycles || maxLeaks >= 0;
  }

  /**
   * The settings of a test: configuration parameters, then annotations of {@code testClass} (and
   * its enclosing classes, outermost first), then of {@code method} (may be null).
   */
  static CheckSettings resolve(
      Function<String, Optional<String>> config, Class<?> testClass, Method method) {
    boolean cycles =
        config.apply(ConfigKeys.NO_REFERENCE_CYCLES).map(Boolean::parseBoolean).orElse(false);
    String memoryText = config.apply(ConfigKeys.LIMIT_SHADOW_MEMORY).orElse(null);
    int leaks =
        config
            .apply(ConfigKeys.LIMIT_LEAKS_MAX_OBJECTS)
            .map(s -> parseCount(ConfigKeys.LIMIT_LEAKS_MAX_OBJECTS, s))
            .orElse(-1);
    List<String> types =
        config.apply(ConfigKeys.LIMIT_LEAKS_TYPES).map(CheckSettings::names).orElse(List.of());

    List<AnnotatedElement> levels = new ArrayList<>();
    if (testClass != null) {
      Deque<Class<?>> classes = new ArrayDeque<>();
      for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
        classes.addFirst(c);
      }
      levels.addAll(classes);
    }
    if (method != null) {
      levels.add(method);
    }
    for (AnnotatedElement level : levels) {
      if (AnnotationSupport.isAnnotated(level, NoReferenceCycles.class)) {
        cycles = true;
      }
      Optional<LimitShadowMemory> memory =
          AnnotationSupport.findAnnotation(level, LimitShadowMemory.class);
      if (memory.isPresent()) {
        memoryText = memory.get().value();
      }
      Optional<LimitLeaks> limit = AnnotationSupport.findAnnotation(level, LimitLeaks.class);
      if (limit.isPresent()) {
        leaks = limit.get().maxObjects();
        if (leaks < 0) {
          throw new IllegalArgumentException(
              "refshadow: @LimitLeaks(maxObjects = " + leaks + ") must be 0 or more");
        }
        types = new ArrayList<>();
        for (Class<?> t : limit.get().types()) {
          types.add(typeName(t));
        }
        types = Collections.unmodifiableList(types);
      }
    }
    long memory = memoryText == null ? -1 : ByteSize.parse(memoryText);
    List<String> tooling = new ArrayList<>(TOOLING_PACKAGES);
    tooling.addAll(
        config.apply(ConfigKeys.TOOLING_PACKAGES).map(CheckSettings::names).orElse(List.of()));
    return new CheckSettings(
        cycles, memory, memoryText, leaks, types, Collections.unmodifiableList(tooling));
  }

  /**
   * Whether some test of {@code testClass} may be checked: a configuration parameter, or an
   * annotation on the class, an enclosing class or one of its methods. Decides whether the agent
   * must be active before the test instance is created.
   */
  static boolean anyIn(Function<String, Optional<String>> config, Class<?> testClass) {
    if (resolve(config, testClass, null).any()) {
      return true;
    }
    return !AnnotationSupport.findAnnotatedMethods(
                testClass, NoReferenceCycles.class, HierarchyTraversalMode.TOP_DOWN)
            .isEmpty()
        || !AnnotationSupport.findAnnotatedMethods(
                testClass, LimitShadowMemory.class, HierarchyTraversalMode.TOP_DOWN)
            .isEmpty()
        || !AnnotationSupport.findAnnotatedMethods(
                testClass, LimitLeaks.class, HierarchyTraversalMode.TOP_DOWN)
            .isEmpty();
  }

  /** The name refshadow shows for a type: the binary name, arrays as {@code byte[]}. */
  static String typeName(Class<?> type) {
    return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getName();
  }

  /** {@code maxObjects = 0}, or {@code maxObjects = 0, types = {byte[], Entry}}, for messages. */
  String leakLimitText() {
    StringBuilder b = new StringBuilder("maxObjects = ").append(maxLeaks);
    if (!leakTypes.isEmpty()) {
      b.append(", types = ");
      List<String> shown = new ArrayList<>();
      for (String t : leakTypes) {
        shown.add(Names.simpleTypeName(t));
      }
      b.append(shown.size() == 1 ? shown.get(0) : "{" + String.join(", ", shown) + "}");
    }
    return b.toString();
  }

  private static int parseCount(String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "refshadow: configuration parameter " + key + "=" + value + " must be a number, 0 or more");
  }

  private static List<String> names(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "CheckSettings[cycles="
        + noReferenceCycles
        + ", memory="
        + memoryText()
        + ", leaks="
        + (maxLeaks < 0 ? "off" : leakLimitText())
        + "]";
  }

  private String memoryText() {
    return memoryLimit < 0 ? "off" : memoryLimitText;
  }
}
