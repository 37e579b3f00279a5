package junitexamples;

import io.refshadow.junit.LimitLeaks;
import io.refshadow.junit.NoReferenceCycles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Run through EngineTestKit by {@code RefshadowExtensionIT}: checks that come from configuration
 * parameters (no annotation here; the extension is found by JUnit's autodetection) and from an
 * enclosing class.
 */
public class ConfiguredExamples {
  static final class Pair {
    Pair other;
  }

  /** No annotation: checked only when the build opts in. */
  public static class Unannotated {
    @Test
    void pairOfObjects() {
      Pair a = new Pair(); // site: config
      Pair b = new Pair();
      a.other = b;
      b.other = a;
    }
  }

  /** The enclosing class's annotation applies to the tests of its nested classes. */
  @NoReferenceCycles
  public static class Outer {
    @Nested
    class Inner {
      @Test
      void pairOfObjects() {
        Pair a = new Pair(); // site: nested
        Pair b = new Pair();
        a.other = b;
        b.other = a;
      }
    }
  }

  /** A method's annotation replaces the build-wide setting for that check. */
  public static class Tolerant {
    static final Object[] KEEP = new Object[4];

    @Test
    @LimitLeaks(maxObjects = 2)
    void keepsTwo() {
      KEEP[0] = new Pair();
      KEEP[1] = new Pair();
    }
  }
}
