package junitexamples;

import io.refshadow.Weakref;
import io.refshadow.junit.NoReferenceCycles;
import org.junit.jupiter.api.Test;

/**
 * Run by {@code SelfAttachIT} with {@code refshadow.attach=lazy}: JUnit reads this class's fields
 * before any extension runs, which loads {@code io.refshadow.Weakref} from the class path before
 * the agent exists. The extension must refuse to measure with that second copy of the runtime.
 */
public class EarlyRuntimeExample {
  static Weakref<Object> lastSeen;

  @Test
  @NoReferenceCycles
  void usesTheRuntime() {
    lastSeen = null;
  }
}
