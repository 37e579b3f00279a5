package twins;

import io.refshadow.Gc;

/** The second example: {@code x.ref = x; del x; gc.collect()} returns 1. */
public class SeedSelfCycle {
  static class A {
    A ref;
  }

  public static void main(String[] args) {
    A x = new A();
    x.ref = x;
    x = null;
    System.out.println(Gc.collect());
  }
}
