package io.refshadow.heap;

import java.util.function.Predicate;

/**
 * Which classes the agent instruments, as the runtime needs to know it: a reference handed to an
 * interface method (a {@code List.add}) escapes only if the receiver's actual class is not
 * instrumented. The agent installs the predicate; without it nothing counts as instrumented.
 */
public final class InstrumentedTypes {
  private static volatile Predicate<Class<?>> predicate = c -> false;

  private static final ClassValue<Boolean> CACHE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            return predicate.test(type);
          } catch (RuntimeException e) {
            return false;
          }
        }
      };

  private InstrumentedTypes() {}

  /** Installed once by the agent, before any class is instrumented. */
  public static void install(Predicate<Class<?>> instrumented) {
    predicate = instrumented;
  }

  public static boolean isInstrumented(Class<?> type) {
    return CACHE.get(type);
  }
}
