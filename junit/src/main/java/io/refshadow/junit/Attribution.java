package io.refshadow.junit;

import java.lang.StackWalker.StackFrame;
import java.util.List;
import java.util.Optional;

/**
 * Decides whose allocation an object is, from the stack at its allocation: the first frame that is
 * neither refshadow nor the JDK is the code that asked for it (an array grown inside {@code
 * ArrayList.add} belongs to whoever called {@code add}). If that frame is test tooling (JUnit,
 * AssertJ, the build tool), the allocation is the tooling's, not the test's.
 */
final class Attribution {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private static final List<String> JDK_PACKAGES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  private final List<String> toolingPackages;

  Attribution(List<String> toolingPackages) {
    this.toolingPackages = toolingPackages;
    WALKER.walk(s -> s.findFirst()); // loads the walker's classes now, not under the heap's lock
  }

  /** The frame of the test's code that allocated, or null when test tooling did. */
  StackFrame testFrame() {
    Optional<StackFrame> caller =
        WALKER.walk(
            frames ->
                frames
                    .filter(f -> !isRefshadow(f.getClassName()) && !isJdk(f.getClassName()))
                    .findFirst());
    if (caller.isEmpty() || startsWithAny(caller.get().getClassName(), toolingPackages)) {
      return null;
    }
    return caller.get();
  }

  /** {@code Class.method(File.java:42)}. */
  static String describe(StackFrame f) {
    String file = f.getFileName();
    int line = f.getLineNumber();
    return f.getClassName()
        + "."
        + f.getMethodName()
        + "("
        + (file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file)
        + ")";
  }

  /**
   * refshadow's own code: the API classes ({@code io.refshadow.Gc}, {@code Hooks}...) and its
   * internal packages, but not user code that happens to live under {@code io.refshadow}.
   */
  static boolean isRefshadow(String className) {
    if (!className.startsWith("io.refshadow.")) {
      return false;
    }
    String rest = className.substring("io.refshadow.".length());
    return rest.indexOf('.') < 0
        || rest.startsWith("heap.")
        || rest.startsWith("junit.")
        || rest.startsWith("agent.")
        || rest.startsWith("internal.")
        || rest.startsWith("jfr.");
  }

  private static boolean isJdk(String className) {
    return startsWithAny(className, JDK_PACKAGES);
  }

  private static boolean startsWithAny(String s, List<String> prefixes) {
    for (String p : prefixes) {
      if (s.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
