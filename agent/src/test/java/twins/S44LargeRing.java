package twins;

import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s44_large_ring.py: a 1000-node ring (cycle detector) and chain (refcount). */
public class S44LargeRing {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node first, prev, n;
  static Weakref<Node> w;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    first = new Node();
    prev = first;
    for (int i = 0; i < 999; i++) {
      n = new Node();
      prev.ref = n;
      prev = n;
    }
    prev.ref = first;
    w = Weakref.ref(first);
    n = null;
    prev = null;
    first = null;
    System.out.println("alive_after_drop " + Py.b(w.get() != null));
    System.out.println("collect " + Gc.collect());
    System.out.println("alive_after_collect " + Py.b(w.get() != null));
    first = new Node();
    prev = first;
    for (int i = 0; i < 999; i++) {
      n = new Node();
      prev.ref = n;
      prev = n;
    }
    n = null;
    prev = null;
    w = Weakref.ref(first);
    first = null;
    System.out.println("chain_alive_after_drop " + Py.b(w.get() != null));
    System.out.println("collect_chain " + Gc.collect());
  }
}
