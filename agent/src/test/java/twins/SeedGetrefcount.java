package twins;

import io.refshadow.Sys;

/** The first example: {@code b = a; c = a; sys.getrefcount(a)} prints 4. */
public class SeedGetrefcount {
  static class A {
    A ref;
  }

  public static void main(String[] args) {
    A a = new A();
    A b = a;
    A c = a;
    System.out.println(Sys.getRefcount(a));
  }
}
