package io.refshadow.junit;

/** How reports name types and fields: short, as objgraph's {@code shortnames} does. */
final class Names {
  private Names() {}

  /**
   * {@code junitexamples.CycleExamples$Parent} as {@code Parent}, {@code java.lang.Object[]} as
   * {@code Object[]}; anonymous and lambda classes keep their outer name ({@code Foo$1}, {@code
   * Foo$$Lambda}), since their own part says nothing.
   */
  static String simpleTypeName(String name) {
    if (name.endsWith("[]")) {
      return simpleTypeName(name.substring(0, name.length() - 2)) + "[]";
    }
    String s = name.substring(name.lastIndexOf('.') + 1);
    int dollar = s.lastIndexOf('$');
    if (dollar >= 0 && dollar + 1 < s.length() && !s.contains("$$")) {
      String inner = s.substring(dollar + 1);
      if (Character.isJavaIdentifierStart(inner.charAt(0))) {
        return inner;
      }
    }
    return s;
  }

  /**
   * {@code junitexamples.LeakExamples.CACHE} (a static field's registry name, {@code Owner.field})
   * as {@code LeakExamples.CACHE}.
   */
  static String simpleFieldName(String ownerDotField) {
    int dot = ownerDotField.lastIndexOf('.');
    if (dot < 0) {
      return ownerDotField;
    }
    return simpleTypeName(ownerDotField.substring(0, dot)) + ownerDotField.substring(dot);
  }
}
