package twins;

import io.refshadow.Gc;

/** Twin of s45_many_small_cycles.py: 100 two-node cycles, half kept by a list. */
public class S45ManySmallCycles {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node[] keep = new Node[50];
  static Node a, b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    for (int i = 0; i < 100; i++) {
      a = new Node();
      b = new Node();
      a.ref = b;
      b.ref = a;
    }
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    for (int i = 0; i < 100; i++) {
      a = new Node();
      b = new Node();
      a.ref = b;
      b.ref = a;
      if (i % 2 == 0) {
        keep[i / 2] = a;
      }
    }
    a = null;
    b = null;
    System.out.println("collect_half_kept " + Gc.collect());
    for (int i = 0; i < 50; i++) {
      keep[i] = null;
    }
    System.out.println("collect_rest " + Gc.collect());
  }
}
