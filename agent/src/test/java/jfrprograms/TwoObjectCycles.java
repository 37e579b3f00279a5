package jfrprograms;

import io.refshadow.Gc;

/**
 * Makes 100 two-object cycles (a.partner = b, b.partner = a), drops them, and asks the cycle
 * detector to collect: 200 objects that only the cycle detector can free. Prints what gc.collect()
 * returned.
 */
public final class TwoObjectCycles {
  public static final int CYCLES = 100;

  /** One object of a cycle; its only reference field forms the cycle. */
  static final class Pair {
    Pair partner;
  }

  public static void main(String[] args) {
    for (int i = 0; i < CYCLES; i++) {
      makeCycle();
    }
    System.out.println("gc.collect() = " + Gc.collect());
  }

  static void makeCycle() {
    Pair a = new Pair();
    Pair b = new Pair();
    a.partner = b;
    b.partner = a;
  }
}
