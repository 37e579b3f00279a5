package twins;

import io.refshadow.Gc;

/** The third example: two objects referring to each other; gc.collect() returns 2. */
public class SeedPairCycle {
  static class A {
    A ref;
  }

  public static void main(String[] args) {
    A a = new A();
    A b = new A();
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println(Gc.collect());
  }
}
