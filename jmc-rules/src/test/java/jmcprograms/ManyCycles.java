package jmcprograms;

import io.refshadow.Gc;

/** Makes 150 two-object cycles and collects them: 300 objects of cyclic garbage. */
public final class ManyCycles {
  public static final int CYCLES = 150;

  static final class Node {
    Node peer;
  }

  public static void main(String[] args) {
    for (int i = 0; i < CYCLES; i++) {
      makeCycle(); // its locals die when it returns, so no cycle is still referenced below
    }
    System.out.println("gc.collect() = " + Gc.collect());
  }

  static void makeCycle() {
    Node a = new Node();
    Node b = new Node();
    a.peer = b;
    b.peer = a;
  }
}
