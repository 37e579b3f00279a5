package jfrprograms;

import io.refshadow.Gc;

/** Makes one two-object cycle, collects it, and leaves through System.exit(3) from a helper. */
public final class ExitsEarly {
  static final class Pair {
    Pair partner;
  }

  public static void main(String[] args) {
    Pair a = new Pair();
    Pair b = new Pair();
    a.partner = b;
    b.partner = a;
    a = null;
    b = null;
    System.out.println("gc.collect() = " + Gc.collect());
    leave();
    System.out.println("not reached");
  }

  static void leave() {
    System.exit(3);
  }
}
